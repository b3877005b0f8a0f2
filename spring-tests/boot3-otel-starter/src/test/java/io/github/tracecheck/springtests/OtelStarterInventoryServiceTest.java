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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The checkout and the inventory service as two Spring Boot applications traced by OpenTelemetry's
 * starter (its Spring Web instrumentation customizes Boot's {@code RestClient.Builder}, so a {@code
 * RestClient.create()} is not traced here either): one trace across both services when the client
 * comes from the builder, and the gate's finding, naming the builder, when it does not. The
 * applications stay in Spring's context cache (closing one waits for its OTLP log and metric exporters
 * to give up on a collector that does not run: about 15 s each).
 */
class OtelStarterInventoryServiceTest extends WithInventoryService {

  static String checkout(int port) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/checkout?sku=sku-42")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
  @TraceCheck
  class Correct {

    @Value("${local.server.port}") int port;

    @Test
    void theCallToTheInventoryServiceIsOneTraceAcrossBothServices(CapturedTraces traces) throws Exception {
      org.assertj.core.api.Assertions.assertThat(checkout(port)).isEqualTo("sku-42 in stock, audited sku-42");

      assertThat(traces.awaitAllEnded())
          .singleTrace()
          .hasShape(
              span("GET /checkout").kind(SpanKind.SERVER).service("checkout").children(
                  span("GET").kind(SpanKind.CLIENT).service("checkout").children(
                      span("GET /inventory").kind(SpanKind.SERVER).service("inventory")),
                  span("audit").kind(SpanKind.INTERNAL).service("checkout")));
    }
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "checkout.bug=REST_CLIENT_WITHOUT_BUILDER")
  @TraceCheck
  class RestClientWithoutBuilder {

    @Value("${local.server.port}") int port;

    @Test
    @TraceCheckRule(name = "orphaned-root", mode = GateMode.OFF) // the finding is asserted below
    void theInventorysRequestStartsANewTraceAndTheHintNamesBootsBuilder(CapturedTraces traces) throws Exception {
      checkout(port);

      org.assertj.core.api.Assertions.assertThat(Rules.check(traces.awaitAllEnded()).stream()
              .filter(f -> f.rule().equals("orphaned-root"))
              .map(Finding::summary)
              .map(summary -> summary.replaceAll("\\b[0-9a-f]{32}\\b", "<trace-id>")))
          .containsExactly(
              "[orphaned-root] server span \"GET /inventory\" (inventory) started a new trace while span"
                  + " \"GET /checkout\" (checkout) in trace <trace-id> was in progress, and no client span calls"
                  + " it: the hop from \"checkout\" -> \"GET /inventory\" (inventory) is broken\n"
                  + "  likely cause: the HTTP call was made without tracing, so no traceparent was sent: the caller is"
                  + " a Spring application, and a RestClient.create() or new RestTemplate() carries no observation:"
                  + " build the client from Spring Boot's auto-configured RestClient.Builder (or RestTemplateBuilder)");
    }
  }
}
