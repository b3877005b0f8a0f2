package io.github.tracecheck.collector;

/** One policy of the {@code tail_sampling} processor, evaluated on a whole trace. */
interface SamplingPolicy {

  SamplingDecision evaluate(TraceUnderDecision trace);
}
