package io.github.tracecheck.springtests;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static io.github.tracecheck.assertj.TraceCheckAssertions.span;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.GateMode;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.junit.TraceCheckRule;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.trace.SpanKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The checkout publishes each order with spring-kafka's {@code KafkaTemplate} (observation enabled)
 * to a {@code @KafkaListener}, on tracecheck-kafka's in-JVM broker (on Spring Boot 3.5's Kafka 3.9,
 * Kafka 3's KRaft test kit; on Spring Boot 4's Kafka 4.1, Kafka 4's). Correct, the order is one tree
 * from the checkout to the listener's work; with a listener container that does not observe, the
 * listener's work starts a new trace and the gate names Spring Kafka's fix. Each application is
 * closed after its class ({@code @DirtiesContext}), while the broker is still running.
 */
class KafkaCheckoutTest extends WithKafkaBroker {

  /**
   * The name of the listener's span for a topic: Spring Kafka 3.x (Spring Boot 3.5) calls the
   * listener's observation "receive", Spring Kafka 4 "process" (the messaging conventions' operation).
   */
  static String listenerSpan(String topic) {
    String springKafka = KafkaTemplate.class.getPackage().getImplementationVersion();
    return topic + (springKafka.startsWith("3.") ? " receive" : " process");
  }

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
              span("http get /checkout").kind(SpanKind.SERVER).children(
                  span("http get").kind(SpanKind.CLIENT).children(
                      span("http get /inventory").kind(SpanKind.SERVER)),
                  span("audit").kind(SpanKind.INTERNAL),
                  span("orders send").kind(SpanKind.PRODUCER).children(
                      span(listenerSpan("orders")).kind(SpanKind.CONSUMER).children(
                          span("fulfil").kind(SpanKind.INTERNAL)))));
    }
  }

  @Nested
  @SpringBootTest(
      webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = {"checkout.orders-topic=unobserved-orders", "spring.kafka.listener.observation-enabled=false"})
  @TraceCheck(awaitTimeout = "60s") // the listener joins its group, then polls: seconds on a loaded machine
  @DirtiesContext
  class ListenerWithoutObservation {

    @Value("${local.server.port}") int port;

    @Test
    @TraceCheckRule(name = "orphaned-root", mode = GateMode.OFF) // the finding is asserted below
    void theListenersWorkStartsANewTraceAndTheHintNamesSpringKafkasSetting(CapturedTraces traces) throws Exception {
      PlainHttp.get(port, "/checkout?sku=sku-42");
      traces.awaitSpan("fulfil");

      org.assertj.core.api.Assertions.assertThat(OrphanFindings.of(traces.awaitAllEnded()))
          .containsExactly(
              "[orphaned-root] span \"fulfil\" (checkout) started a new trace after producer span \"unobserved-orders"
                  + " send\" (checkout) sent to Kafka topic \"unobserved-orders\" in trace <trace-id>, and no consumer"
                  + " span continued that message: the hop \"unobserved-orders send\" (checkout) -> \"fulfil\""
                  + " (checkout) is broken\n"
                  + "  likely cause: the Spring Kafka listener container ran the listener without observation, so it"
                  + " did not extract the context from the record headers (traceparent): set"
                  + " spring.kafka.listener.observation-enabled=true (or ContainerProperties.setObservationEnabled(true)"
                  + " on the listener container factory), and spring.kafka.template.observation-enabled=true for the"
                  + " KafkaTemplate that sends");
    }
  }
  /**
   * The limit: a {@code KafkaTemplate} without observation sends no producer span and no traceparent,
   * so the listener's observed CONSUMER span is a root whose producer is not in the capture - the shape
   * of a message from outside the test, which is an entry point. The gate cannot tell them apart and
   * reports nothing; the two traces show the split.
   */
  @Nested
  @SpringBootTest(
      webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = {"checkout.orders-topic=untraced-orders", "spring.kafka.template.observation-enabled=false"})
  @TraceCheck(awaitTimeout = "60s") // the listener joins its group, then polls: seconds on a loaded machine
  @DirtiesContext
  class TemplateWithoutObservation {

    @Value("${local.server.port}") int port;

    @Test
    void theListenersTraceStartsApartAndIsTakenForAMessageFromOutside(CapturedTraces traces) throws Exception {
      PlainHttp.get(port, "/checkout?sku=sku-42");
      traces.awaitSpan("fulfil");

      TraceForest forest = traces.awaitAllEnded();
      assertThat(forest)
          .hasTraceCount(2)
          .hasTraceWithRootNamedSatisfying(listenerSpan("untraced-orders"), trace -> trace.hasShape(
              span(listenerSpan("untraced-orders")).kind(SpanKind.CONSUMER).children(
                  span("fulfil").kind(SpanKind.INTERNAL))))
          .hasNoFindings();
    }
  }
}
