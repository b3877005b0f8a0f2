package io.github.tracecheck.collector;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decisions of the simulated {@code tail_sampling} processor for every trace it received, in
 * the order it decided them. Assert on it with {@link CollectorAssertions#assertThat(SamplingResult)}.
 */
public final class SamplingResult {

  private final String processorId;
  private final List<TraceDecision> decisions;

  SamplingResult(String processorId, List<TraceDecision> decisions) {
    this.processorId = processorId;
    this.decisions = List.copyOf(decisions);
  }

  /** The id of the processor that decided, e.g. {@code tail_sampling}. */
  public String processorId() {
    return processorId;
  }

  public List<TraceDecision> decisions() {
    return decisions;
  }

  /** The decision for the trace, if the processor received it. */
  public Optional<TraceDecision> decisionFor(String traceId) {
    return decisions.stream().filter(d -> d.trace().traceId().equals(traceId)).findFirst();
  }

  /** The traces the Collector would export, as a forest to assert on or check. */
  public TraceForest kept() {
    List<SpanData> spans = new ArrayList<>();
    for (TraceDecision decision : decisions) {
      if (decision.kept()) {
        for (SpanNode node : decision.trace().spans()) {
          spans.add(node.data());
        }
      }
    }
    return TraceForest.of(spans);
  }

  /** The traces the Collector would drop. */
  public List<Trace> dropped() {
    return decisions.stream().filter(d -> !d.kept()).map(TraceDecision::trace).toList();
  }

  @Override
  public String toString() {
    long kept = decisions.stream().filter(TraceDecision::kept).count();
    return processorId + ": kept " + kept + " of " + decisions.size() + " traces";
  }
}
