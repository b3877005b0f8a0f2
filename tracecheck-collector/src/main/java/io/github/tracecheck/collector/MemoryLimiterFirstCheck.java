package io.github.tracecheck.collector;

import java.util.List;

/**
 * A pipeline with {@code tail_sampling} must start with {@code memory_limiter}: tail sampling holds
 * whole traces in memory for {@code decision_wait}, and only a limiter placed first refuses data
 * before the Collector runs out of memory (a limiter later in the pipeline sees data that is
 * already held).
 */
final class MemoryLimiterFirstCheck extends PipelineCheck {

  static final String NAME = "memory-limiter-first";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  void check(CollectorFile file, ConfigNode pipeline, LintResult.Builder result) {
    if (CollectorFile.componentsOfType(pipeline, "processors", "tail_sampling").isEmpty()) {
      return;
    }
    List<ConfigNode> processors = pipeline.get("processors").elements();
    int limiter = -1;
    for (int i = processors.size() - 1; i >= 0; i--) {
      if (CollectorFile.type(processors.get(i).string()).equals("memory_limiter")) {
        limiter = i;
      }
    }
    if (limiter < 0) {
      result.add(NAME, file, pipeline.get("processors").path(), "pipeline " + CollectorFile.pipelineId(pipeline)
          + " runs tail_sampling without a memory_limiter: tail sampling holds every trace for decision_wait,"
          + " and nothing refuses data before the Collector runs out of memory; put memory_limiter first");
    } else if (limiter > 0) {
      result.add(NAME, file, processors.get(limiter).path(), "pipeline " + CollectorFile.pipelineId(pipeline)
          + " has memory_limiter at position " + limiter + " instead of first: the processors before it ("
          + processors.get(0).string() + ") take data it should have refused");
    }
  }
}
