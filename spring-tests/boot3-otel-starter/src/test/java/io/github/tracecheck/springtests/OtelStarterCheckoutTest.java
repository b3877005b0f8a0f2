package io.github.tracecheck.springtests;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static io.github.tracecheck.assertj.TraceCheckAssertions.span;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Rules;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The checkout application traced by OpenTelemetry's Spring Boot starter (its Spring Web and MVC
 * instrumentation, and {@code @WithSpan} for the audit task; it has no Micrometer bridge, so the
 * audit observation makes no span of its own), tested with {@code @SpringBootTest} and {@code
 * @TraceCheck} only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TraceCheck
class OtelStarterCheckoutTest {

  @Value("${local.server.port}") int port;

  @Test
  void theCheckoutIsOneConnectedTrace(CapturedTraces traces) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/checkout?sku=sku-42")).build(),
        HttpResponse.BodyHandlers.ofString());
    org.assertj.core.api.Assertions.assertThat(response.body()).isEqualTo("sku-42 in stock, audited sku-42");

    assertThat(traces.awaitAllEnded())
        .singleTrace()
        .hasShape(
            span("GET /checkout").kind(SpanKind.SERVER).children(
                span("GET").kind(SpanKind.CLIENT).children(
                    span("GET /inventory").kind(SpanKind.SERVER)),
                span("audit").kind(SpanKind.INTERNAL)));
  }

  /**
   * The error handler that answers 503 is a planted bug under Micrometer's observation (the server
   * span stays UNSET: CheckoutBugsTest); OpenTelemetry's Spring MVC instrumentation marks a 5xx
   * answer as an error itself, so here the gate must find nothing.
   */
  @Test
  void theRefundsFailureIsMarkedByTheInstrumentationAndNothingIsReported(CapturedTraces traces) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/refund?order=o-1")).build(),
        HttpResponse.BodyHandlers.ofString());
    org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(503);

    TraceForest forest = traces.awaitAllEnded();
    assertThat(forest).singleTrace().root().hasStatus(StatusCode.ERROR);
    org.assertj.core.api.Assertions.assertThat(Rules.check(forest)).isEmpty();
  }
}
