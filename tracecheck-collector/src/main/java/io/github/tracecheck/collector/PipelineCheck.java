package io.github.tracecheck.collector;

import java.util.List;

/** A {@link ConfigCheck} that judges each traces pipeline of each file on its own. */
abstract class PipelineCheck implements ConfigCheck {

  @Override
  public final void check(List<CollectorFile> deployment, LintResult.Builder result) {
    for (CollectorFile file : deployment) {
      for (ConfigNode pipeline : file.tracesPipelines()) {
        check(file, pipeline, result);
      }
    }
  }

  abstract void check(CollectorFile file, ConfigNode pipeline, LintResult.Builder result);
}
