package io.github.tracecheck.springtests;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static io.github.tracecheck.assertj.TraceCheckAssertions.span;

import io.github.tracecheck.assertj.SpanQuery;
import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.GateMode;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.junit.TraceCheckRule;
import io.opentelemetry.api.trace.SpanKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The checkout publishes each order to a {@code @KafkaListener}, traced by OpenTelemetry's Spring
 * Boot starter, which instruments spring-kafka itself (the KafkaTemplate's producer and the listener
 * container factory), on tracecheck-kafka's in-JVM broker (Kafka 3's KRaft test kit on Spring Boot
 * 3.5's Kafka 3.9.1). Spring Kafka's observation settings do not trace here: what breaks the hop is
 * the starter's Kafka instrumentation turned off. Each application is closed after its class.
 */
class OtelStarterKafkaTest extends WithKafkaBroker {

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "checkout.orders-topic=orders")
  @TraceCheck(awaitTimeout = "60s") // the listener joins its group, then polls: seconds on a loaded machine
  @DirtiesContext
  class Correct {

    @Value("${local.server.port}") int port;

    @Test
    void theOrderIsOneTreeFromTheCheckoutToTheListenersWork(CapturedTraces traces) throws Exception {
      org.assertj.core.api.Assertions.assertThat(PlainHttp.get(port, "/checkout?sku=sku-42"))
          .isEqualTo("sku-42 in stock, audited sku-42");
      traces.awaitSpan("fulfil");

      assertThat(traces.awaitAllEnded())
          .singleTrace()
          .hasShape(
              span("GET /checkout").kind(SpanKind.SERVER).children(
                  span("GET").kind(SpanKind.CLIENT).children(
                      span("GET /inventory").kind(SpanKind.SERVER)),
                  span("audit").kind(SpanKind.INTERNAL),
                  span("orders publish").kind(SpanKind.PRODUCER).children(
                      span("orders process").kind(SpanKind.CONSUMER).children(
                          span("fulfil").kind(SpanKind.INTERNAL)))));
    }
  }

  /**
   * The Micrometer stacks' planted bug is no bug here: the starter instruments the listener container
   * whatever Spring Kafka's observation setting says, so the order stays one tree and the gate is quiet.
   */
  @Nested
  @SpringBootTest(
      webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = {"checkout.orders-topic=unobserved-orders", "spring.kafka.listener.observation-enabled=false"})
  @TraceCheck(awaitTimeout = "60s") // the listener joins its group, then polls: seconds on a loaded machine
  @DirtiesContext
  class ListenerWithoutObservation {

    @Value("${local.server.port}") int port;

    @Test
    void theStarterStillContinuesTheMessage(CapturedTraces traces) throws Exception {
      PlainHttp.get(port, "/checkout?sku=sku-42");
      traces.awaitSpan("fulfil");

      assertThat(traces.awaitAllEnded())
          .singleTrace()
          .hasSpanSatisfying(SpanQuery.named("fulfil"), fulfil -> fulfil.hasParentNamed("unobserved-orders process"));
    }
  }

  /**
   * The starter's Kafka instrumentation off: no producer span and no traceparent, and the listener's
   * {@code @WithSpan} work starts a new trace on the container's thread. With no unconsumed message in
   * the capture, the evidence is the thread hop (the checkout's work that ran before it); the hint is
   * the starter's setting, not Spring Kafka's observation.
   */
  @Nested
  @SpringBootTest(
      webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = {"checkout.orders-topic=uninstrumented-orders", "otel.instrumentation.kafka.enabled=false"})
  @TraceCheck(awaitTimeout = "60s") // the listener joins its group, then polls: seconds on a loaded machine
  @DirtiesContext
  class KafkaInstrumentationOff {

    @Value("${local.server.port}") int port;

    @Test
    @TraceCheckRule(name = "orphaned-root", mode = GateMode.OFF) // the finding is asserted below
    void theListenersWorkStartsANewTraceAndTheHintNamesTheStartersSetting(CapturedTraces traces) throws Exception {
      PlainHttp.get(port, "/checkout?sku=sku-42");
      traces.awaitSpan("fulfil");

      org.assertj.core.api.Assertions.assertThat(OrphanFindings.of(traces.awaitAllEnded()))
          .containsExactly(
              "[orphaned-root] span \"fulfil\" (checkout) started a new trace on thread \"fulfilment-<n>-C-<n>\" after"
                  + " span \"audit\" (checkout) in trace <trace-id> had run (and ended) on thread \"task-<n>\"\n"
                  + "  likely cause: the Spring Kafka listener ran without OpenTelemetry's Kafka instrumentation, so"
                  + " no CONSUMER span extracted the context from the record headers (traceparent): its work is"
                  + " traced by OpenTelemetry's instrumentation, for which Spring Kafka's observation settings do not"
                  + " count: turn OpenTelemetry's Kafka instrumentation on (OpenTelemetry's Spring Boot starter:"
                  + " remove otel.instrumentation.kafka.enabled=false; it instruments the KafkaTemplate's producer"
                  + " factory and the listener container factory beans)");
    }
  }
}
