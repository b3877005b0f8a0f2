package io.github.tracecheck.samples.checkout;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static io.github.tracecheck.assertj.TraceCheckAssertions.span;
import static io.opentelemetry.api.trace.SpanKind.CLIENT;
import static io.opentelemetry.api.trace.SpanKind.CONSUMER;
import static io.opentelemetry.api.trace.SpanKind.INTERNAL;
import static io.opentelemetry.api.trace.SpanKind.PRODUCER;
import static io.opentelemetry.api.trace.SpanKind.SERVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.kafka.KafkaBroker;
import io.github.tracecheck.kafka.KafkaTestBroker;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.render.TraceTreeRenderer;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The correct checkout: one trace across all four hops (HTTP, gRPC, Kafka, worker pool) and five
 * services, and the gate finds nothing.
 */
@TraceCheck
@KafkaBroker
class CheckoutFlowTest {

  @Test
  void checkoutIsOneTraceAcrossEveryHop(KafkaTestBroker kafka, CapturedTraces traces) throws Exception {
    String topic = kafka.createTopic("orders");
    try (CheckoutSystem system = new CheckoutSystem(traces::openTelemetryFor, kafka.bootstrapServers(), topic, Set.of())) {
      int status = new Storefront(traces.openTelemetryFor("storefront"), system.gatewayUri())
          .checkout("alice", "alice@example.com", "sku-42");
      assertThat(status).isEqualTo(202);

      TraceForest forest = traces.awaitUntil("the order written to the database",
          f -> f.spans().stream().anyMatch(s -> s.name().equals("process order")));
      forest = traces.awaitAllEnded();
      System.out.println("\n=== The correct checkout, as tracecheck captured it: one trace, five services, no findings ===\n"
          + TraceTreeRenderer.create().render(forest) + "\n");

      assertThat(forest)
          .singleTrace()
          .hasShape(
              span("POST").kind(CLIENT).service("storefront").children(
                  span("POST /checkout").kind(SERVER).service("api-gateway").attribute("http.response.status_code", 202).children(
                      span("auth.AuthService/Validate").kind(CLIENT).service("api-gateway").children(
                          span("auth.AuthService/Validate").kind(SERVER).service("auth-service")),
                      span(topic + " publish").kind(PRODUCER).service("api-gateway").children(
                          span(topic + " process").kind(CONSUMER).service("order-worker").children(
                              span("process order").kind(INTERNAL).service("order-worker").children(
                                  span("price order").service("order-worker"),
                                  span("reserve stock").service("order-worker"),
                                  span(io.github.tracecheck.assertj.SpanQuery.any().kind(CLIENT)
                                      .attribute("db.system", "h2").service("order-worker"))))))));
      assertThat(forest).hasNoFindings();

      // Every log line written while serving the checkout carries the trace id.
      Trace trace = forest.traces().get(0);
      assertThat(system.log().lines()).isNotEmpty().allSatisfy(line ->
          assertThat(line).contains("trace_id=" + trace.traceId()));
    }
  }
}
