package io.github.tracecheck.collector.junit;

import io.github.tracecheck.collector.CollectorConfigLint;
import io.github.tracecheck.collector.LintResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gates a test run on the Collector configuration the team deploys: the files named by {@value
 * #CONFIG_PROPERTY_NAME} (comma-separated, all files of one deployment) are checked with {@link
 * CollectorConfigLint} once per run, and every test class using the extension fails while they have
 * findings ({@value #MODE_PROPERTY_NAME}{@code =warn} reports them instead, {@code off} skips the
 * check). Without the property it does nothing.
 *
 * <p>Register it with {@code @ExtendWith(CollectorLintExtension.class)} next to {@code @TraceCheck},
 * or for every class through JUnit's extension auto-detection ({@code
 * junit.jupiter.extensions.autodetection.enabled=true}): the jar lists it for the ServiceLoader.
 */
public final class CollectorLintExtension implements BeforeAllCallback {

  /** Property: the Collector configuration files to check, comma-separated, relative to the working directory. */
  public static final String CONFIG_PROPERTY_NAME = "tracecheck.collector.config";

  /** Property: {@code fail} (default), {@code warn} or {@code off}. */
  public static final String MODE_PROPERTY_NAME = "tracecheck.collector.lint";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CollectorLintExtension.class);

  /** The lint of the run, done once: the result, or the configuration error it ran into. */
  private record Verdict(LintResult result, RuntimeException error) {}

  @Override
  public void beforeAll(ExtensionContext context) {
    String files = context.getConfigurationParameter(CONFIG_PROPERTY_NAME).orElse("").trim();
    String mode = context.getConfigurationParameter(MODE_PROPERTY_NAME).orElse("fail").trim().toLowerCase(Locale.ROOT);
    if (!mode.equals("fail") && !mode.equals("warn") && !mode.equals("off")) {
      throw new IllegalArgumentException(MODE_PROPERTY_NAME + " must be fail, warn or off, but is \"" + mode + "\"");
    }
    if (files.isEmpty() || mode.equals("off")) {
      return;
    }
    Verdict verdict = verdict(context, files);
    if (verdict.error() != null) {
      throw new IllegalStateException(CONFIG_PROPERTY_NAME + "=" + files + ": " + verdict.error().getMessage(),
          verdict.error());
    }
    LintResult result = verdict.result();
    if (result.findings().isEmpty() && result.notChecked().isEmpty()) {
      return;
    }
    String report = "tracecheck: the Collector configuration (" + files + "): " + result.render();
    if (mode.equals("fail") && !result.findings().isEmpty()) {
      throw new AssertionError(report);
    }
    context.publishReportEntry("tracecheck.collector.lint", report);
  }

  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: JUnit 5.14 has no computeIfAbsent
  private static Verdict verdict(ExtensionContext context, String files) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(files, key -> {
      Path[] paths = Arrays.stream(files.split(",")).map(String::trim).filter(f -> !f.isEmpty())
          .map(Path::of).toArray(Path[]::new);
      try {
        return new Verdict(CollectorConfigLint.defaults().check(paths), null);
      } catch (RuntimeException e) {
        return new Verdict(null, e);
      }
    }, Verdict.class);
  }
}
