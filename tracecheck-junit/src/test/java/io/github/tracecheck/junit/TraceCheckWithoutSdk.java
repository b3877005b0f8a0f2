package io.github.tracecheck.junit;

import org.junit.jupiter.api.Test;

/**
 * Run by {@link OpenTelemetrySdkRequirementTest} in a JVM whose class path lacks the OpenTelemetry
 * SDK (not by surefire): it names no OpenTelemetry type itself, as a class testing code that only
 * uses the API would.
 */
@TraceCheck
public class TraceCheckWithoutSdk {

  @Test
  void runsWithoutTheSdk() {}
}
