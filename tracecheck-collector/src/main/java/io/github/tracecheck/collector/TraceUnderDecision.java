package io.github.tracecheck.collector;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A trace as the tail-sampling processor holds it when it decides: its spans in the order they
 * arrived (the SDK exports a span when it ends, so by end time), their resources, and the second
 * of the decision ({@code decision_wait} after the first span arrived), which rate budgets count in.
 */
final class TraceUnderDecision {

  private final Trace trace;
  private final byte[] traceId;
  private final List<SpanData> spans;
  private final Set<Resource> resources = new LinkedHashSet<>();
  private final long decisionSecond;

  TraceUnderDecision(Trace trace, long decisionWaitNanos) {
    this.trace = trace;
    this.traceId = HexFormat.of().parseHex(trace.traceId());
    List<SpanData> arrived = new ArrayList<>();
    for (SpanNode node : trace.spans()) {
      arrived.add(node.data());
      resources.add(node.data().getResource());
    }
    arrived.sort(Comparator.comparingLong(SpanData::getEndEpochNanos));
    this.spans = arrived;
    long firstArrival = arrived.isEmpty() ? 0 : arrived.get(0).getEndEpochNanos();
    this.decisionSecond = TimeUnit.NANOSECONDS.toSeconds(firstArrival + decisionWaitNanos);
  }

  Trace trace() {
    return trace;
  }

  /** The 16 bytes of the trace id, as the Collector hashes them. */
  byte[] traceIdBytes() {
    return traceId.clone();
  }

  /** The spans in arrival order. */
  List<SpanData> spans() {
    return spans;
  }

  /** The distinct resources of the spans, in arrival order. */
  Set<Resource> resources() {
    return resources;
  }

  int spanCount() {
    return spans.size();
  }

  long decisionSecond() {
    return decisionSecond;
  }
}
