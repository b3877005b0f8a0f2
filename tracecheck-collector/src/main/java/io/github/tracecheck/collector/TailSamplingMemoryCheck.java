package io.github.tracecheck.collector;

import java.time.Duration;
import java.util.Locale;

/**
 * The memory a {@code tail_sampling} processor may hold against its pipeline's {@code
 * memory_limiter}: up to {@code num_traces} traces, each of an assumed size (spans per trace × bytes
 * per span, settable on {@link CollectorConfigLint}); past the limiter's soft limit ({@code
 * limit_mib - spike_limit_mib}) the gateway refuses data, or is killed before the limiter reacts.
 * And the arrivals of one {@code decision_wait} against {@code num_traces}: when more traces arrive
 * within the wait than {@code num_traces} holds, the oldest are evicted before their decision.
 */
final class TailSamplingMemoryCheck extends PipelineCheck {

  static final String NAME = "tail-sampling-memory";

  /** The Collector's default {@code num_traces}. */
  static final long DEFAULT_NUM_TRACES = 50_000;

  private final int spansPerTrace;
  private final long bytesPerSpan;

  TailSamplingMemoryCheck(int spansPerTrace, long bytesPerSpan) {
    this.spansPerTrace = spansPerTrace;
    this.bytesPerSpan = bytesPerSpan;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  void check(CollectorFile file, ConfigNode pipeline, LintResult.Builder result) {
    for (ConfigNode id : CollectorFile.componentsOfType(pipeline, "processors", "tail_sampling")) {
      ConfigNode sampler = file.node().get("processors").get(id.string());
      ConfigNode numTracesNode = sampler.get("num_traces");
      long numTraces = numTracesNode.longValue(DEFAULT_NUM_TRACES);
      checkAgainstLimiter(file, pipeline, numTracesNode, numTraces, result);
      checkEviction(file, sampler, numTraces, result);
    }
  }

  private void checkAgainstLimiter(CollectorFile file, ConfigNode pipeline, ConfigNode numTracesNode, long numTraces,
      LintResult.Builder result) {
    for (ConfigNode limiterId : CollectorFile.componentsOfType(pipeline, "processors", "memory_limiter")) {
      ConfigNode limiter = file.node().get("processors").get(limiterId.string());
      long limitMib = limiter.get("limit_mib").longValue(0);
      if (limitMib <= 0) {
        continue; // limit_percentage: the limit depends on the machine, which the file does not say
      }
      long spikeMib = limiter.get("spike_limit_mib").longValue(limitMib / 5);
      long softMib = limitMib - spikeMib;
      double heldMib = (double) numTraces * spansPerTrace * bytesPerSpan / (1024 * 1024);
      if (heldMib > softMib) {
        result.add(NAME, file, numTracesNode.path(), String.format(Locale.ROOT,
            "num_traces %,d can hold about %,.0f MiB (%d spans per trace × %,d bytes per span, assumed), over the"
                + " soft limit of %s (%,d MiB = limit_mib %,d - spike_limit_mib %,d): the gateway refuses data, or"
                + " runs out of memory, before tail_sampling decides; lower num_traces or raise the limit",
            numTraces, heldMib, spansPerTrace, bytesPerSpan, limiterId.string(), softMib, limitMib, spikeMib));
      }
    }
  }

  private static void checkEviction(CollectorFile file, ConfigNode sampler, long numTraces, LintResult.Builder result) {
    ConfigNode rateNode = sampler.get("expected_new_traces_per_sec");
    long perSecond = rateNode.longValue(0);
    ConfigNode waitNode = sampler.get("decision_wait");
    Duration wait = CollectorDurations.parse(waitNode, TailSamplingProcessor.DEFAULT_DECISION_WAIT);
    double arriving = perSecond * (wait.toMillis() / 1000.0);
    if (perSecond > 0 && arriving > numTraces) {
      result.add(NAME, file, waitNode.isPresent() ? waitNode.path() : sampler.path(), String.format(Locale.ROOT,
          "decision_wait %ss × expected_new_traces_per_sec %,d = %,.0f traces waiting for a decision, more than"
              + " num_traces %,d: the oldest are evicted before their decision (and dropped)",
          wait.toMillis() / 1000.0, perSecond, arriving, numTraces));
    }
  }
}
