package io.github.tracecheck.kafka;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.GateMode;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.junit.TraceCheckRule;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.kafkaclients.v2_6.KafkaTelemetry;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The Kafka hop with OpenTelemetry's own kafka-clients library instrumentation (KafkaTelemetry), as
 * users wire it, on a real broker.
 */
@TraceCheck
@KafkaBroker
class KafkaTelemetryHopTest {

  private static List<ConsumerRecord<String, String>> publishAndConsume(
      KafkaTestBroker kafka, OpenTelemetry gateway, OpenTelemetry worker, KafkaTelemetry producerTelemetry,
      KafkaTelemetry consumerTelemetry) throws Exception {
    String topic = kafka.createTopic("orders");
    Producer<String, String> producer = kafka.closeAfterTest(producerTelemetry.wrap(kafka.producer()));
    Consumer<String, String> consumer = kafka.closeAfterTest(consumerTelemetry.wrap(kafka.consumer()));
    consumer.subscribe(List.of(topic));
    Span checkout = gateway.getTracer("api-gateway").spanBuilder("POST /checkout").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = checkout.makeCurrent()) {
      producer.send(new ProducerRecord<>(topic, "order-1", "{\"sku\":\"sku-42\"}")).get();
    } finally {
      checkout.end();
    }
    return Records.pollUntil(consumer, 1, Duration.ofSeconds(30));
  }

  @Test
  void kafkaTelemetryConnectsTheHop(KafkaTestBroker kafka, CapturedTraces traces) throws Exception {
    OpenTelemetry gateway = traces.openTelemetryFor("api-gateway");
    OpenTelemetry worker = traces.openTelemetryFor("order-worker");

    List<ConsumerRecord<String, String>> records =
        publishAndConsume(kafka, gateway, worker, KafkaTelemetry.create(gateway), KafkaTelemetry.create(worker));

    String topic = kafka.topic("orders");
    TraceForest forest = traces.awaitUntil("the consumer span of " + topic,
        f -> f.spans().stream().anyMatch(s -> s.kind() == SpanKind.CONSUMER));
    KafkaAssertions.assertThatKafkaHop(forest, topic).isConnected().hasProtocolAttributes();
    KafkaAssertions.assertThat(records.get(0))
        .hasValidTraceparent()
        .continuesSpan(forest.spans().stream().filter(s -> s.kind() == SpanKind.PRODUCER).findFirst().orElseThrow());
    assertThat(forest).isConnected();
  }

  @Test
  @TraceCheckRule(name = "orphaned-root", mode = GateMode.OFF) // the broken hop is asserted below
  void withoutPropagationTheConsumerIsAnOrphanTheGateExplainsInKafkaTerms(KafkaTestBroker kafka, CapturedTraces traces)
      throws Exception {
    OpenTelemetry gateway = traces.openTelemetryFor("api-gateway");
    OpenTelemetry worker = traces.openTelemetryFor("order-worker");

    List<ConsumerRecord<String, String>> records =
        publishAndConsume(
            kafka, gateway, worker,
            KafkaTelemetry.builder(gateway).setPropagationEnabled(false).build(),
            KafkaTelemetry.create(worker));

    assertThat(records.get(0).headers().lastHeader("traceparent")).isNull();
    String topic = kafka.topic("orders");
    TraceForest forest = traces.awaitUntil("the consumer span of " + topic,
        f -> f.spans().stream().anyMatch(s -> s.kind() == SpanKind.CONSUMER));
    assertThatThrownBy(() -> KafkaAssertions.assertThatKafkaHop(forest, topic).isConnected())
        .hasMessageContaining("CONSUMER span(s) that are not (marked, with the PRODUCER spans)");
    assertThatThrownBy(() -> KafkaAssertions.assertThat(records.get(0)).hasValidTraceparent())
        .hasMessageContaining("but no traceparent header.");
    assertThatThrownBy(() -> assertThat(forest).hasNoOrphans())
        .hasMessageContaining("[orphaned-root] consumer span \"" + topic + " ")
        .hasMessageContaining("(order-worker) started a new trace, but producer span \"" + topic + " publish\" (api-gateway)"
            + " sent to Kafka topic \"" + topic + "\"")
        .hasMessageContaining("likely cause: the consumer did not extract the context from the Kafka record headers"
            + " (traceparent), or the producer did not inject it");
  }
}
