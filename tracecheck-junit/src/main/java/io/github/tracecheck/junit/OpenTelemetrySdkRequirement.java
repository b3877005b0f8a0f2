package io.github.tracecheck.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Checks, before anything of tracecheck touches it, that the test class path has the OpenTelemetry
 * SDK. tracecheck declares the SDK {@code provided} so that the user's version is the one used; a
 * build without it would otherwise fail with a bare {@link NoClassDefFoundError} from deep inside the
 * extension, which names a class rather than the dependency to add.
 */
final class OpenTelemetrySdkRequirement {

  /** One class of each SDK artifact tracecheck uses, by the artifact that holds it. */
  private static final Map<String, String> CLASS_BY_ARTIFACT =
      Map.of(
          "opentelemetry-sdk", "io.opentelemetry.sdk.OpenTelemetrySdk",
          "opentelemetry-sdk-trace", "io.opentelemetry.sdk.trace.SdkTracerProvider",
          "opentelemetry-sdk-logs", "io.opentelemetry.sdk.logs.SdkLoggerProvider",
          "opentelemetry-sdk-metrics", "io.opentelemetry.sdk.metrics.SdkMeterProvider",
          "opentelemetry-sdk-testing", "io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions");

  // The class path does not change during a run: looked up once.
  private static final List<String> MISSING = missingArtifacts(OpenTelemetrySdkRequirement.class.getClassLoader());

  private OpenTelemetrySdkRequirement() {}

  /** Fails with the dependency to add when an SDK artifact is missing from the test class path. */
  static void check() {
    if (!MISSING.isEmpty()) {
      throw new ExtensionConfigurationException(message(MISSING));
    }
  }

  static List<String> missingArtifacts(ClassLoader loader) {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> artifact : new TreeMap<>(CLASS_BY_ARTIFACT).entrySet()) {
      try {
        Class.forName(artifact.getValue(), false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        missing.add("io.opentelemetry:" + artifact.getKey());
      }
    }
    return List.copyOf(missing);
  }

  static String message(List<String> missing) {
    return "tracecheck: the OpenTelemetry SDK is not on the test class path (missing " + String.join(", ", missing)
        + "). tracecheck uses your build's OpenTelemetry (1.49 or newer) rather than bringing its own version:"
        + " add io.opentelemetry:opentelemetry-sdk-testing (it brings the SDK) to the test scope, at the version of"
        + " your OpenTelemetry API or from io.opentelemetry:opentelemetry-bom";
  }
}
