package io.github.tracecheck.kafka;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static io.github.tracecheck.assertj.TraceCheckAssertions.span;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.GateMode;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.junit.TraceCheckRule;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** A producer and consumer instrumented by hand with {@link KafkaHeadersCarrier}, as in the seed. */
@TraceCheck
@KafkaBroker
class HandInstrumentedHopTest {

  private KafkaTestBroker kafka; // injected by @KafkaBroker

  /** Publishes one order inside a PRODUCER span (with baggage) and returns the record consumed. */
  private ConsumerRecord<String, String> publishAndReceive(OpenTelemetry gateway, String topic) {
    KafkaProducer<String, String> producer = kafka.producer();
    KafkaConsumer<String, String> consumer = kafka.consumer();
    consumer.subscribe(List.of(topic));
    Tracer tracer = gateway.getTracer("api-gateway");
    Span publish = tracer.spanBuilder(topic + " publish").setSpanKind(SpanKind.PRODUCER)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", topic)
        .setAttribute("messaging.operation.type", "send")
        .startSpan();
    Context withBaggage = Context.current().with(publish).with(Baggage.builder().put("tenant", "acme").build());
    try (Scope ignored = withBaggage.makeCurrent()) {
      ProducerRecord<String, String> record = new ProducerRecord<>(topic, "order-1", "{}");
      KafkaHeadersCarrier.inject(gateway, Context.current(), record.headers());
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      publish.end();
    }
    return Records.pollUntil(consumer, 1, Duration.ofSeconds(30)).get(0);
  }

  private static void process(OpenTelemetry worker, ConsumerRecord<String, String> record, Context parent) {
    worker.getTracer("order-worker").spanBuilder(record.topic() + " process").setSpanKind(SpanKind.CONSUMER)
        .setParent(parent)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", record.topic())
        .setAttribute("messaging.operation.type", "process")
        .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
        .setAttribute("messaging.kafka.message.offset", record.offset())
        .startSpan().end();
  }

  @Test
  void consumerThatExtractsTheHeadersContinuesTheTrace(CapturedTraces traces) {
    OpenTelemetry gateway = traces.openTelemetryFor("api-gateway");
    OpenTelemetry worker = traces.openTelemetryFor("order-worker");
    String topic = kafka.createTopic("orders");

    ConsumerRecord<String, String> record = publishAndReceive(gateway, topic);
    process(worker, record, KafkaHeadersCarrier.extract(worker, record.headers()));

    TraceForest forest = traces.awaitSpan(topic + " process");
    SpanNode producer = forest.spans().stream().filter(s -> s.kind() == SpanKind.PRODUCER).findFirst().orElseThrow();
    KafkaAssertions.assertThat(record).hasValidTraceparent().hasValidTracestate().hasValidBaggage().continuesSpan(producer)
        .hasBaggage("tenant", "acme");
    KafkaAssertions.assertThatKafkaHop(forest, topic).isConnectedByParent().isRemoteChildOfSender().hasProtocolAttributes()
        .recordsPartitionAndOffset();
    assertThat(forest).singleTrace()
        .hasShape(span(topic + " publish").kind(SpanKind.PRODUCER).service("api-gateway")
            .children(span(topic + " process").kind(SpanKind.CONSUMER).service("order-worker")));
    assertThatThrownBy(() -> KafkaAssertions.assertThat(record).hasBaggage("tenant", "other"))
        .hasMessageStartingWith("\nExpecting the record to carry baggage\n  tenant=other\nbut it was acme.\nHeaders: [");
  }

  @Test
  @TraceCheckRule(name = "orphaned-root", mode = GateMode.OFF) // the broken hop is asserted below
  void consumerThatIgnoresTheHeadersStartsANewTrace(CapturedTraces traces) {
    OpenTelemetry gateway = traces.openTelemetryFor("api-gateway");
    OpenTelemetry worker = traces.openTelemetryFor("order-worker");
    String topic = kafka.createTopic("orders");

    ConsumerRecord<String, String> record = publishAndReceive(gateway, topic);
    process(worker, record, Context.root());

    TraceForest forest = traces.awaitSpan(topic + " process");
    SpanNode producer = forest.spans().stream().filter(s -> s.kind() == SpanKind.PRODUCER).findFirst().orElseThrow();
    SpanNode consumer = forest.spans().stream().filter(s -> s.kind() == SpanKind.CONSUMER).findFirst().orElseThrow();
    // The record did carry the context: the consumer dropped it.
    KafkaAssertions.assertThat(record).continuesSpan(producer);
    assertThatThrownBy(() -> KafkaAssertions.assertThat(record).continuesSpan(consumer))
        .hasMessageContaining("to continue span\n  " + topic + " process [CONSUMER] order-worker");
    assertThatThrownBy(() -> assertThat(forest).isConnected())
        .hasMessageContaining("1. [orphaned-root] consumer span \"" + topic + " process\" (order-worker) started a new"
            + " trace, but producer span \"" + topic + " publish\" (api-gateway) sent to Kafka topic \"" + topic
            + "\" in trace " + producer.traceId() + ": the hop \"" + topic + " publish\" (api-gateway) -> \"" + topic
            + " process\" (order-worker) is broken\n"
            + "  likely cause: the consumer did not extract the context from the Kafka record headers (traceparent),"
            + " or the producer did not inject it; a consumer may also link to the producer's context");
  }
}
