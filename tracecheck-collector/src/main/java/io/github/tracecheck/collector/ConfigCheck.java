package io.github.tracecheck.collector;

import java.util.List;

/** One trap {@link CollectorConfigLint} looks for, across the files of a deployment. */
interface ConfigCheck {

  /** The check's name, as findings and settings give it. */
  String name();

  void check(List<CollectorFile> deployment, LintResult.Builder result);
}
