package io.github.tracecheck.collector.junit;

import io.github.tracecheck.collector.CollectorConfigLint;
import io.github.tracecheck.collector.LintResult;
import io.github.tracecheck.junit.spi.CollectorConfigLinter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link CollectorConfigLint} with its default checks, as {@code @TraceCheck} runs it for the files
 * named by {@code tracecheck.collector.config}. Registered for the {@link java.util.ServiceLoader};
 * not meant to be called directly.
 */
public final class CollectorLintForTraceCheck implements CollectorConfigLinter {

  /** Created by the {@link java.util.ServiceLoader}. */
  public CollectorLintForTraceCheck() {}

  @Override
  public Report lint(List<Path> files) {
    LintResult result = CollectorConfigLint.defaults().check(files.toArray(Path[]::new));
    boolean nothingToSay = result.findings().isEmpty() && result.notChecked().isEmpty();
    return new Report(result.findings().size(), nothingToSay ? "" : result.render());
  }
}
