package io.github.tracecheck.collector;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Set;

/**
 * The tail-sampling policies that look at one property of the trace: {@code always_sample}, {@code
 * latency}, {@code status_code}, {@code span_count}, {@code trace_state} and {@code rate_limiting}.
 * Each follows the Collector's evaluator, including its edges (noted where they surprise).
 */
final class SimplePolicies {

  private SimplePolicies() {}

  static SamplingPolicy alwaysSample() {
    return trace -> SamplingDecision.SAMPLED;
  }

  /**
   * The trace's duration, from the earliest start to the latest end, in whole milliseconds. The
   * Collector checks the running duration span by span in arrival order and stops at the first
   * match, so with an upper threshold a trace can match on its first spans although the whole trace
   * is longer.
   */
  static SamplingPolicy latency(long thresholdMs, long upperThresholdMs) {
    return trace -> {
      long min = 0;
      long max = 0;
      for (SpanData span : trace.spans()) {
        if (min == 0 || span.getStartEpochNanos() < min) {
          min = span.getStartEpochNanos();
        }
        if (max == 0 || span.getEndEpochNanos() > max) {
          max = span.getEndEpochNanos();
        }
        long millis = (max - min) / 1_000_000;
        boolean matches = upperThresholdMs == 0
            ? millis >= thresholdMs
            : thresholdMs < millis && millis <= upperThresholdMs;
        if (matches) {
          return SamplingDecision.SAMPLED;
        }
      }
      return SamplingDecision.NOT_SAMPLED;
    };
  }

  /** Any span with one of the status codes. */
  static SamplingPolicy statusCode(Set<StatusCode> codes) {
    return trace -> {
      for (SpanData span : trace.spans()) {
        if (codes.contains(span.getStatus().getStatusCode())) {
          return SamplingDecision.SAMPLED;
        }
      }
      return SamplingDecision.NOT_SAMPLED;
    };
  }

  /** At least {@code minSpans} spans, and at most {@code maxSpans} unless that is 0. */
  static SamplingPolicy spanCount(long minSpans, long maxSpans) {
    return trace -> {
      int count = trace.spanCount();
      boolean matches = maxSpans == 0 ? count >= minSpans : count >= minSpans && count <= maxSpans;
      return matches ? SamplingDecision.SAMPLED : SamplingDecision.NOT_SAMPLED;
    };
  }

  /** Any span whose W3C trace state has one of the values under the key. */
  static SamplingPolicy traceState(String key, Set<String> values) {
    return trace -> {
      for (SpanData span : trace.spans()) {
        String value = span.getSpanContext().getTraceState().get(key);
        if (value != null && values.contains(value)) {
          return SamplingDecision.SAMPLED;
        }
      }
      return SamplingDecision.NOT_SAMPLED;
    };
  }

  /**
   * Traces while the spans let through in the decision's second stay strictly below the limit
   * (the composite policy's budgets, by contrast, allow reaching it).
   */
  static SamplingPolicy rateLimiting(long spansPerSecond) {
    SpansPerSecondBudget budget = new SpansPerSecondBudget();
    return trace -> {
      long total = budget.ifTaken(trace.decisionSecond(), trace.spanCount());
      if (total < spansPerSecond) {
        budget.take(total);
        return SamplingDecision.SAMPLED;
      }
      return SamplingDecision.NOT_SAMPLED;
    };
  }
}
