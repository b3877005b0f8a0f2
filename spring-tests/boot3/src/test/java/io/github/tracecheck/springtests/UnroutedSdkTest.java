package io.github.tracecheck.springtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.tracecheck.junit.TraceCheck;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An application whose OpenTelemetry SDK tracecheck cannot see (built by hand, without the span
 * processor beans): its @TraceCheck test fails saying so, instead of passing green on no spans.
 */
class UnroutedSdkTest {

  @Test
  void aTestOfAnApplicationWhoseSpansCannotReachTracecheckFails() {
    Throwable failure = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(WithHandBuiltSdk.class))
        .execute()
        .testEvents()
        .failed()
        .list()
        .get(0)
        .getRequiredPayload(TestExecutionResult.class)
        .getThrowable()
        .orElseThrow();

    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    assertThat(cause)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("tracecheck cannot see this application's spans: the OpenTelemetry bean(s)"
            + " 'handBuiltOpenTelemetry' (io.opentelemetry.sdk.OpenTelemetrySdk) do not pass spans to tracecheck's"
            + " span processor");
  }

  @Test
  void theCorrectApplicationPassesTheProbe() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(WithBootsSdk.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1).failed(0));
  }

  /** Run by the test above through the test kit, not by the build (nested classes are not picked up). */
  @SpringBootTest(classes = {CheckoutApplication.class, HandBuiltSdk.class}, webEnvironment = SpringBootTest.WebEnvironment.NONE)
  @TraceCheck
  static class WithHandBuiltSdk {
    @Test
    void anyTest() {}
  }

  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
  @TraceCheck
  static class WithBootsSdk {
    @Test
    void anyTest() {}
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class HandBuiltSdk {
    @Bean
    OpenTelemetry handBuiltOpenTelemetry() {
      return OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build()).build();
    }
  }
}
