package io.github.tracecheck.collector;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.IdGenerator;
import java.util.concurrent.TimeUnit;

/**
 * Traces made with the real SDK for the tail-sampling tests: a root with one child, with explicit
 * start and end times (so a "slow" trace needs no waiting) at a fixed base second, so that rate
 * budgets count them in a known second.
 */
final class RecordedTraces {

  /** 2026-01-01T00:00:00Z: every trace starts in this second unless it says otherwise. */
  static final long BASE_MILLIS = 1_767_225_600_000L;

  private final Tracer tracer;

  RecordedTraces(Tracer tracer) {
    this.tracer = tracer;
  }

  /** A checkout trace: a SERVER root and a CLIENT child, lasting {@code millis}. */
  Span checkout(long millis, StatusCode status, Attributes rootAttributes) {
    return trace("POST /checkout", 0, millis, status, rootAttributes, TraceState.getDefault());
  }

  /**
   * A trace with a SERVER root (continuing a remote caller with the trace state, when it has
   * entries) and a CLIENT child; the root starts {@code offsetMillis} after the base second.
   */
  Span trace(String name, long offsetMillis, long millis, StatusCode status, Attributes rootAttributes,
      TraceState traceState) {
    Context parent = Context.root();
    if (!traceState.isEmpty()) {
      IdGenerator ids = IdGenerator.random();
      parent = parent.with(Span.wrap(SpanContext.createFromRemoteParent(
          ids.generateTraceId(), ids.generateSpanId(), TraceFlags.getSampled(), traceState)));
    }
    long start = BASE_MILLIS + offsetMillis;
    Span root = tracer.spanBuilder(name).setSpanKind(SpanKind.SERVER).setParent(parent)
        .setStartTimestamp(start, TimeUnit.MILLISECONDS).setAllAttributes(rootAttributes).startSpan();
    Span child = tracer.spanBuilder("SELECT stock").setSpanKind(SpanKind.CLIENT)
        .setParent(parent.with(root)).setStartTimestamp(start + 1, TimeUnit.MILLISECONDS).startSpan();
    if (status == StatusCode.ERROR) {
      child.setStatus(StatusCode.ERROR, "stock service unavailable");
      root.setStatus(StatusCode.ERROR);
    } else if (status == StatusCode.OK) {
      root.setStatus(StatusCode.OK);
    }
    child.end(start + Math.max(1, millis - 1), TimeUnit.MILLISECONDS);
    root.end(start + millis, TimeUnit.MILLISECONDS);
    return root;
  }

  /** The processor of a gateway whose {@code tail_sampling} has the policies (YAML, indented 6). */
  static CollectorPipeline gateway(String policies) {
    return gateway("", policies);
  }

  /** Same, with settings of the processor before the policies (YAML, indented 4). */
  static CollectorPipeline gateway(String settings, String policies) {
    return CollectorPipeline.fromYaml(
        "processors:\n"
            + "  memory_limiter:\n"
            + "    limit_mib: 2048\n"
            + "  tail_sampling:\n"
            + (settings.contains("decision_wait") ? "" : "    decision_wait: 10s\n")
            + settings
            + "    policies:\n"
            + policies
            + "service:\n"
            + "  pipelines:\n"
            + "    traces:\n"
            + "      receivers: [otlp]\n"
            + "      processors: [memory_limiter, tail_sampling]\n"
            + "      exporters: [otlp]\n",
        null);
  }
}
