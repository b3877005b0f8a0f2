package io.github.tracecheck.collector;

/**
 * What one tail-sampling policy says about a trace, as the Collector's policies say it. The
 * inverted decisions come from {@code invert_match}; the processor weighs them apart (see {@link
 * TailSamplingProcessor}).
 */
enum SamplingDecision {
  SAMPLED,
  NOT_SAMPLED,
  INVERT_SAMPLED,
  INVERT_NOT_SAMPLED,
  DROPPED
}
