package io.github.tracecheck.junit.spi;

import java.nio.file.Path;
import java.util.List;

/**
 * Lints the OpenTelemetry Collector configuration of a deployment for {@code @TraceCheck}, which runs
 * it once per run when {@code tracecheck.collector.config} names the files. Found with {@link
 * java.util.ServiceLoader}: the module {@code tracecheck-collector} provides it, so the JUnit module
 * does not depend on the Collector's YAML handling.
 */
public interface CollectorConfigLinter {

  /**
   * Lints every file of one deployment together (agents and gateways).
   *
   * @param files the Collector configuration files
   * @return the findings, rendered for a test failure
   * @throws RuntimeException when a file cannot be read or is not a Collector configuration: a
   *     configuration error, never a finding
   */
  Report lint(List<Path> files);

  /**
   * What a lint found.
   *
   * @param findings how many findings there are
   * @param text the findings (and the pipelines that could not be checked) rendered one per line,
   *     each with its file and YAML path; empty when there is nothing to say
   */
  record Report(int findings, String text) {}
}
