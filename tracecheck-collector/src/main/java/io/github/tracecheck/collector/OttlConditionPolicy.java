package io.github.tracecheck.collector;

import io.github.tracecheck.collector.OttlSyntax.Condition;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;

/**
 * The Collector's {@code ottl_condition} policy: sampled when any span matches one of the span
 * conditions or any span event one of the span-event conditions. Conditions are parsed in
 * tracecheck's OTTL subset when the configuration is loaded; what the subset lacks fails there.
 */
final class OttlConditionPolicy implements SamplingPolicy {

  private final List<Condition> spanConditions;
  private final List<Condition> spanEventConditions;

  OttlConditionPolicy(List<Condition> spanConditions, List<Condition> spanEventConditions) {
    this.spanConditions = spanConditions;
    this.spanEventConditions = spanEventConditions;
  }

  @Override
  public SamplingDecision evaluate(TraceUnderDecision trace) {
    for (SpanData data : trace.spans()) {
      SpanRecord span = new SpanRecord(data);
      for (Condition condition : spanConditions) {
        if (OttlEvaluator.test(condition, span.span, span)) {
          return SamplingDecision.SAMPLED;
        }
      }
      for (SpanRecord.Target event : span.events) {
        for (Condition condition : spanEventConditions) {
          if (OttlEvaluator.test(condition, event, span)) {
            return SamplingDecision.SAMPLED;
          }
        }
      }
    }
    return SamplingDecision.NOT_SAMPLED;
  }
}
