package io.github.tracecheck.collector;

import io.github.tracecheck.model.Trace;
import java.util.Optional;

/**
 * What the simulated {@code tail_sampling} processor decided for one trace, and which policy
 * decided it.
 *
 * @param trace the trace as the processor received it
 * @param kept whether the Collector would export it
 * @param policy the policy whose decision won (the first to give it), or null when the trace was
 *     dropped because no policy sampled it
 */
public record TraceDecision(Trace trace, boolean kept, String policy) {

  /** The deciding policy; empty when no policy sampled (nor vetoed) the trace. */
  public Optional<String> decidingPolicy() {
    return Optional.ofNullable(policy);
  }

  @Override
  public String toString() {
    return "trace " + trace.traceId() + " (" + trace.firstRoot().name() + ", " + trace.size() + " spans) "
        + (kept ? "kept" : "dropped") + (policy == null ? " (no policy sampled it)" : " by policy \"" + policy + "\"");
  }
}
