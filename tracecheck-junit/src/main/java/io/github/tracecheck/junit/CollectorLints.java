package io.github.tracecheck.junit;

import io.github.tracecheck.junit.spi.CollectorConfigLinter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Collector configuration lint in the gate: before a class's tests, the files named by {@link
 * TraceCheck#collectorConfig()} are linted (once per run for each set of files) by the {@link
 * CollectorConfigLinter} on the classpath, and the class fails while they have findings.
 */
final class CollectorLints {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CollectorLints.class);

  /**
   * The lint of one set of files, done once per run: its report, or what stopped it - no linter on
   * the classpath ({@code error} null), or the linter's own error.
   */
  private record Verdict(CollectorConfigLinter.Report report, String problem, RuntimeException error) {}

  private CollectorLints() {}

  static void beforeAll(ExtensionContext context, TraceCheck annotation, PropertySource properties) {
    List<String> files = annotation != null && annotation.collectorConfig().length > 0
        ? Arrays.stream(annotation.collectorConfig()).map(String::strip).filter(f -> !f.isEmpty()).toList()
        : properties.list(TraceCheck.COLLECTOR_CONFIG_PROPERTY_NAME);
    String mode = properties.get(TraceCheck.COLLECTOR_LINT_PROPERTY_NAME).orElse("fail").strip().toLowerCase(Locale.ROOT);
    if (!mode.equals("fail") && !mode.equals("warn") && !mode.equals("off")) {
      throw new ExtensionConfigurationException(
          TraceCheck.COLLECTOR_LINT_PROPERTY_NAME + " must be fail, warn or off, but is \"" + mode + "\"");
    }
    if (files.isEmpty() || mode.equals("off")) {
      return;
    }
    String named = TraceCheck.COLLECTOR_CONFIG_PROPERTY_NAME + "=" + String.join(",", files);
    Verdict verdict = verdict(context, files, named);
    if (verdict.problem() != null) {
      throw new ExtensionConfigurationException(verdict.problem(), verdict.error());
    }
    CollectorConfigLinter.Report report = verdict.report();
    if (report.text().isEmpty()) {
      return;
    }
    String message = "tracecheck: the Collector configuration (" + String.join(", ", files) + "): " + report.text();
    if (mode.equals("fail") && report.findings() > 0) {
      throw new AssertionError(message);
    }
    context.publishReportEntry("tracecheck.collector.lint", message);
  }

  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: JUnit 5.14 has no computeIfAbsent
  private static Verdict verdict(ExtensionContext context, List<String> files, String named) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(files, key -> {
      CollectorConfigLinter linter = ServiceLoader.load(CollectorConfigLinter.class).findFirst().orElse(null);
      if (linter == null) {
        return new Verdict(null, named + " asks for the Collector configuration lint, but the module"
            + " tracecheck-collector is not on the test classpath: add io.github.tracecheck:tracecheck-collector"
            + " (test scope)", null);
      }
      try {
        return new Verdict(linter.lint(files.stream().map(Path::of).toList()), null, null);
      } catch (RuntimeException e) {
        return new Verdict(null, named + ": " + e.getMessage(), e);
      }
    }, Verdict.class);
  }
}
