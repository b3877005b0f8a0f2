package io.github.tracecheck.collector;

import java.util.List;

/**
 * The tail-sampling policies made of others: {@code and}, {@code not}, {@code drop} and {@code
 * composite}, each weighing its sub-policies' decisions as the Collector does.
 */
final class CombiningPolicies {

  private CombiningPolicies() {}

  /** Sampled unless a sub-policy says not sampled (an inverted "not" counts too). */
  static SamplingPolicy and(List<SamplingPolicy> subPolicies) {
    return trace -> allSample(subPolicies, trace) ? SamplingDecision.SAMPLED : SamplingDecision.NOT_SAMPLED;
  }

  /** Dropped when every sub-policy samples: a drop vetoes every other policy of the processor. */
  static SamplingPolicy drop(List<SamplingPolicy> subPolicies) {
    return trace -> allSample(subPolicies, trace) ? SamplingDecision.DROPPED : SamplingDecision.NOT_SAMPLED;
  }

  private static boolean allSample(List<SamplingPolicy> subPolicies, TraceUnderDecision trace) {
    for (SamplingPolicy sub : subPolicies) {
      SamplingDecision decision = sub.evaluate(trace);
      if (decision == SamplingDecision.NOT_SAMPLED || decision == SamplingDecision.INVERT_NOT_SAMPLED) {
        return false;
      }
    }
    return true;
  }

  /** Swaps sampled and not sampled; inverted and dropped decisions pass unchanged, as in Go. */
  static SamplingPolicy not(SamplingPolicy subPolicy) {
    return trace -> {
      SamplingDecision decision = subPolicy.evaluate(trace);
      switch (decision) {
        case SAMPLED:
          return SamplingDecision.NOT_SAMPLED;
        case NOT_SAMPLED:
          return SamplingDecision.SAMPLED;
        default:
          return decision;
      }
    };
  }

  /** A sub-policy of {@code composite} with its spans-per-second allocation. */
  record Allocated(SamplingPolicy policy, long spansPerSecond) {}

  /**
   * The first sub-policy (in the order of {@code composite_sub_policy}) that samples decides: the
   * trace is kept if that sub-policy's spans in the second, with this trace's, stay within both its
   * allocation and {@code max_total_spans_per_second}; otherwise it is not sampled. A sub-policy
   * missing from {@code rate_allocation} has an allocation of 0 and never keeps a trace.
   */
  static SamplingPolicy composite(List<Allocated> subPolicies, long maxTotalSpansPerSecond) {
    List<SpansPerSecondBudget> budgets = subPolicies.stream().map(s -> new SpansPerSecondBudget()).toList();
    return trace -> {
      for (int i = 0; i < subPolicies.size(); i++) {
        SamplingDecision decision = subPolicies.get(i).policy().evaluate(trace);
        if (decision == SamplingDecision.SAMPLED || decision == SamplingDecision.INVERT_SAMPLED) {
          long total = budgets.get(i).ifTaken(trace.decisionSecond(), trace.spanCount());
          if (total <= subPolicies.get(i).spansPerSecond() && total <= maxTotalSpansPerSecond) {
            budgets.get(i).take(total);
            return SamplingDecision.SAMPLED;
          }
          return SamplingDecision.NOT_SAMPLED;
        }
      }
      return SamplingDecision.NOT_SAMPLED;
    };
  }
}
