package io.github.tracecheck.benchmarks;

import io.github.tracecheck.junit.TraceCheck;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The 1,000 trivial tests of the per-test overhead benchmark: each makes one span. */
final class TrivialTests {

  static final int COUNT = 1000;

  private TrivialTests() {}

  static void oneSpan() {
    GlobalOpenTelemetry.getTracer("benchmark").spanBuilder("trivial").startSpan().end();
  }

  /** No extension: the baseline. */
  static class WithoutExtension {
    @RepeatedTest(COUNT)
    void trivial() {
      oneSpan();
    }
  }

  /** opentelemetry-sdk-testing's own extension. */
  static class WithOpenTelemetryExtension {
    @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

    @RepeatedTest(COUNT)
    void trivial() {
      oneSpan();
    }
  }

  /** tracecheck, with the gate on. */
  @TraceCheck
  static class WithTraceCheck {
    @RepeatedTest(COUNT)
    void trivial() {
      oneSpan();
    }
  }
}
