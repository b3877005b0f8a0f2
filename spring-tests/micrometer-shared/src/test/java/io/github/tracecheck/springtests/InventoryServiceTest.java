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
import org.springframework.test.annotation.DirtiesContext;

/**
 * The checkout calls the inventory service, a second Spring Boot application (its own context and
 * {@code spring.application.name}) that the test starts in the same JVM: both applications' spans
 * reach the capture, each with its own service name. Correct, the call is one trace across the two;
 * with {@code RestClient.create()} the inventory's request starts a new trace, and the gate names
 * Boot's builder as the fix. Shared by the Micrometer-traced builds ({@code spring-tests/boot3} and
 * {@code boot4} add this directory to their test sources): their spans have the same names.
 */
class InventoryServiceTest extends WithInventoryService {

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
  @TraceCheck
  @DirtiesContext
  class Correct {

    @Value("${local.server.port}") int port;

    @Test
    void theCallToTheInventoryServiceIsOneTraceAcrossBothServices(CapturedTraces traces) throws Exception {
      org.assertj.core.api.Assertions.assertThat(PlainHttp.get(port, "/checkout?sku=sku-42"))
          .isEqualTo("sku-42 in stock, audited sku-42");

      assertThat(traces.awaitAllEnded())
          .singleTrace()
          .hasShape(
              span("http get /checkout").kind(SpanKind.SERVER).service("checkout").children(
                  span("http get").kind(SpanKind.CLIENT).service("checkout").children(
                      span("http get /inventory").kind(SpanKind.SERVER).service("inventory")),
                  span("audit").kind(SpanKind.INTERNAL)));
    }
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "checkout.bug=REST_CLIENT_WITHOUT_BUILDER")
  @TraceCheck
  @DirtiesContext
  class RestClientWithoutBuilder {

    @Value("${local.server.port}") int port;

    @Test
    @TraceCheckRule(name = "orphaned-root", mode = GateMode.OFF) // the finding is asserted below
    void theInventorysRequestStartsANewTraceAndTheHintNamesBootsBuilder(CapturedTraces traces) throws Exception {
      PlainHttp.get(port, "/checkout?sku=sku-42");

      org.assertj.core.api.Assertions.assertThat(Rules.check(traces.awaitAllEnded()).stream()
              .filter(f -> f.rule().equals("orphaned-root"))
              .map(Finding::summary)
              .map(summary -> summary.replaceAll("\\b[0-9a-f]{32}\\b", "<trace-id>")))
          .containsExactly(
              "[orphaned-root] server span \"http get /inventory\" (inventory) started a new trace while span"
                  + " \"http get /checkout\" (checkout) in trace <trace-id> was in progress, and no client span calls"
                  + " it: the hop from \"checkout\" -> \"http get /inventory\" (inventory) is broken\n"
                  + "  likely cause: the HTTP call was made without tracing, so no traceparent was sent: the caller is"
                  + " a Spring application, and a RestClient.create() or new RestTemplate() carries no observation:"
                  + " build the client from Spring Boot's auto-configured RestClient.Builder (or RestTemplateBuilder)");
    }
  }
}
