package io.github.tracecheck.springtests;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static io.github.tracecheck.assertj.TraceCheckAssertions.span;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.TraceCheck;
import io.opentelemetry.api.trace.SpanKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The correct application, tested as a user would: {@code @SpringBootTest} and {@code @TraceCheck},
 * nothing else. The application's own Micrometer/OpenTelemetry spans are captured, propagation stays
 * on, and the whole checkout is one trace (the gate, after the test, finds nothing).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TraceCheck
class CheckoutTracingTest {

  @Autowired TestRestTemplate http;

  @Test
  void theCheckoutIsOneConnectedTrace(CapturedTraces traces) {
    org.assertj.core.api.Assertions.assertThat(http.getForObject("/checkout?sku=sku-42", String.class))
        .isEqualTo("sku-42 in stock, audited sku-42");

    assertThat(traces.awaitAllEnded())
        .singleTrace()
        .hasShape(
            span("http get").kind(SpanKind.CLIENT).children(
                span("http get /checkout").kind(SpanKind.SERVER).children(
                    span("http get").kind(SpanKind.CLIENT).children(
                        span("http get /inventory").kind(SpanKind.SERVER)),
                    span("audit").kind(SpanKind.INTERNAL))));
  }
}
