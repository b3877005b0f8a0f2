package io.github.tracecheck.springtests;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static io.github.tracecheck.assertj.TraceCheckAssertions.span;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.GateMode;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.junit.TraceCheckRule;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.Rules;
import io.opentelemetry.api.trace.SpanKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The checkout application on Spring Boot 4.0 with its OpenTelemetry starter, tested as a user would:
 * {@code @SpringBootTest} and {@code @TraceCheck}, nothing else. Spring Boot 4's test support turns
 * trace export (and with it propagation) off; tracecheck turns it back on for its tests. The test
 * calls the application with a plain JDK client, so the checkout's server span is the trace's root.
 */
class Boot4CheckoutTest {

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
  @TraceCheck
  class Correct {

    @Value("${local.server.port}") int port;

    @Test
    void theCheckoutIsOneConnectedTrace(CapturedTraces traces) throws Exception {
      org.assertj.core.api.Assertions.assertThat(PlainHttp.get(port, "/checkout?sku=sku-42"))
          .isEqualTo("sku-42 in stock, audited sku-42");

      assertThat(traces.awaitAllEnded())
          .singleTrace()
          .hasShape(
              span("http get /checkout").kind(SpanKind.SERVER).children(
                  span("http get").kind(SpanKind.CLIENT).children(
                      span("http get /inventory").kind(SpanKind.SERVER)),
                  span("audit").kind(SpanKind.INTERNAL)));
    }
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "checkout.bug=ASYNC_WITHOUT_CONTEXT")
  @TraceCheck
  class AsyncWithoutContextPropagation {

    @Value("${local.server.port}") int port;

    @Test
    @TraceCheckRule(name = "orphaned-root", mode = GateMode.OFF) // the finding is asserted below
    void theAuditSpanStartsANewTrace(CapturedTraces traces) throws Exception {
      PlainHttp.get(port, "/checkout?sku=sku-42");

      org.assertj.core.api.Assertions.assertThat(OrphanFindings.of(traces.awaitAllEnded()))
          .containsExactly(OrphanFindings.AUDIT_WITHOUT_CONTEXT);
    }
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
  @TraceCheck
  class ErrorHandlerWithoutErrorStatus {

    @Value("${local.server.port}") int port;

    @Test
    @TraceCheckRule(name = "missing-error-status", mode = GateMode.OFF) // the finding is asserted below
    void theRefundsFailureIsNotMarkedAsAnError(CapturedTraces traces) throws Exception {
      org.assertj.core.api.Assertions.assertThat(PlainHttp.get(port, "/refund?order=o-1")).isEqualTo("try again later");

      // The handler swallowed the exception and answered 503: Micrometer's server observation leaves
      // the span's status unset, where the conventions ask for ERROR.
      org.assertj.core.api.Assertions.assertThat(Rules.check(traces.awaitAllEnded()).stream().map(Finding::summary))
          .containsExactly(
              "[missing-error-status] span \"http get /refund\" (checkout) is an HTTP server span that answered 503,"
                  + " but its status is UNSET\n"
                  + "  likely cause: the instrumentation did not set the status to ERROR for this failure: call"
                  + " span.setStatus(StatusCode.ERROR) where the failure is handled");
    }
  }
}
