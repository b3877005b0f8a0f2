package io.github.tracecheck.springtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.GateMode;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.junit.TraceCheckRule;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.Rules;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The application with planted bugs: the gate's finding for each is asserted here. The gate only
 * warns for the rule, printing its report - the Spring Boot part of the README's main job - where a
 * user's test would fail.
 */
class CheckoutBugsTest {

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "checkout.bug=ASYNC_WITHOUT_CONTEXT")
  @TraceCheck
  class AsyncWithoutContextPropagation {

    @Autowired TestRestTemplate http;

    @Test
    @TraceCheckRule(name = "orphaned-root", mode = GateMode.WARN)
    void theAuditSpanStartsANewTrace(CapturedTraces traces) {
      http.getForObject("/checkout?sku=sku-42", String.class);
      assertThat(OrphanFindings.of(traces.awaitAllEnded())).containsExactly(OrphanFindings.AUDIT_WITHOUT_CONTEXT);
    }
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
  @TraceCheck
  class ErrorHandlerWithoutErrorStatus {

    @Autowired TestRestTemplate http;

    @Test
    @TraceCheckRule(name = "missing-error-status", mode = GateMode.WARN)
    void theRefundsFailureIsNotMarkedAsAnError(CapturedTraces traces) {
      assertThat(http.getForEntity("/refund?order=o-1", String.class).getStatusCode().value()).isEqualTo(503);

      // The handler swallowed the exception: the server span answered 503 with no error. Micrometer's
      // client observation does not mark a 5xx as an error either, which the conventions ask for.
      assertThat(Rules.check(traces.awaitAllEnded()).stream().map(Finding::summary))
          .containsExactlyInAnyOrder(
              "[missing-error-status] span \"http get /refund\" (checkout) is an HTTP server span that answered 503,"
                  + " but its status is UNSET\n"
                  + "  likely cause: the instrumentation did not set the status to ERROR for this failure: call"
                  + " span.setStatus(StatusCode.ERROR) where the failure is handled",
              "[missing-error-status] span \"http get\" (checkout) is an HTTP client span that received 503, but its"
                  + " status is OK\n"
                  + "  likely cause: the instrumentation did not set the status to ERROR for this failure: call"
                  + " span.setStatus(StatusCode.ERROR) where the failure is handled");
    }
  }
}
