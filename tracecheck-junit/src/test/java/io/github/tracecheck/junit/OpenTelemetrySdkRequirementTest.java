package io.github.tracecheck.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.junit.process.ChildJvm;
import io.github.tracecheck.junit.process.RunTestClass;
import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * tracecheck takes the OpenTelemetry SDK from the user's build: without it, a {@code @TraceCheck}
 * class fails with the dependency to add, not with a {@link NoClassDefFoundError}.
 */
class OpenTelemetrySdkRequirementTest {

  @Test
  void aClassPathWithoutTheSdkFailsTheClassNamingTheDependencyToAdd() throws Exception {
    String withoutSdk = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !new File(entry).getName().startsWith("opentelemetry-sdk"))
        .collect(Collectors.joining(File.pathSeparator));

    List<String> results;
    try (ServiceProcess jvm = ChildJvm.start(RunTestClass.class, withoutSdk, Map.of(), List.of(),
        TraceCheckWithoutSdk.class.getName())) {
      jvm.awaitLine(RunTestClass.DONE, Duration.ofSeconds(60));
      results = jvm.output().lines().filter(line -> line.startsWith(RunTestClass.RESULT)).toList();
    }

    assertThat(results).containsExactly("RESULT TraceCheckWithoutSdk: FAILED: "
        + OpenTelemetrySdkRequirement.message(List.of("io.opentelemetry:opentelemetry-sdk",
            "io.opentelemetry:opentelemetry-sdk-logs", "io.opentelemetry:opentelemetry-sdk-metrics",
            "io.opentelemetry:opentelemetry-sdk-testing", "io.opentelemetry:opentelemetry-sdk-trace")),
        "RESULT JUnit Jupiter: SUCCESSFUL: ");
  }

  @Test
  void theTestClassPathHasEverySdkArtifact() {
    assertThat(OpenTelemetrySdkRequirement.missingArtifacts(getClass().getClassLoader())).isEmpty();
  }
}
