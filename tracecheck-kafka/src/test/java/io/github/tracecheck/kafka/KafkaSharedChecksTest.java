package io.github.tracecheck.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * The Kafka module's wire and hop checks carry the names every module shares (the HTTP and gRPC
 * modules have the same test): record headers checked with hasValidTraceparent, hasValidTracestate,
 * hasValidBaggage, continuesSpan and hasBaggage; the old names still work. The headers are injected
 * and extracted with {@link KafkaHeadersCarrier} and the capture's propagators, without a broker (the
 * tests with one are HandInstrumentedHopTest and KafkaTelemetryHopTest).
 */
@TraceCheck
class KafkaSharedChecksTest {

  private static final String TOPIC = "orders";

  /** A PRODUCER span with baggage tenant=acme injects into the headers; a CONSUMER span extracts them. */
  private static Headers publishAndProcess(CapturedTraces traces) {
    OpenTelemetry gateway = traces.openTelemetryFor("api-gateway");
    OpenTelemetry worker = traces.openTelemetryFor("order-worker");
    Headers headers = new RecordHeaders();
    Span publish = gateway.getTracer("api-gateway").spanBuilder(TOPIC + " publish").setSpanKind(SpanKind.PRODUCER)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", TOPIC)
        .setAttribute("messaging.operation.type", "send")
        .startSpan();
    try (Scope ignored = Context.current().with(publish).with(Baggage.builder().put("tenant", "acme").build()).makeCurrent()) {
      KafkaHeadersCarrier.inject(gateway, Context.current(), headers);
    } finally {
      publish.end();
    }
    worker.getTracer("order-worker").spanBuilder(TOPIC + " process").setSpanKind(SpanKind.CONSUMER)
        .setParent(KafkaHeadersCarrier.extract(worker, headers))
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", TOPIC)
        .setAttribute("messaging.operation.type", "process")
        .startSpan().end();
    return headers;
  }

  private static SpanNode producer(TraceForest forest) {
    return forest.spans().stream().filter(s -> s.kind() == SpanKind.PRODUCER).findFirst().orElseThrow();
  }

  @Test
  void theSharedWireAndHopChecksPassOnACorrectRecord(CapturedTraces traces) {
    Headers headers = publishAndProcess(traces);

    TraceForest forest = traces.awaitSpan(TOPIC + " process");
    KafkaAssertions.assertThat(headers)
        .hasValidTraceparent()
        .hasValidTracestate()
        .hasValidBaggage()
        .continuesSpan(producer(forest))
        .hasBaggage("tenant", "acme");
    KafkaAssertions.assertThatKafkaHop(forest, TOPIC)
        .exists().isConnected().isConnectedByParent().isRemoteChildOfSender().hasProtocolAttributes();
  }

  @Test
  void anInvalidTracestateFailsWithTheSharedMessage(CapturedTraces traces) {
    Headers headers = publishAndProcess(traces);
    headers.add("tracestate", "Vendor=x".getBytes(StandardCharsets.UTF_8));
    traces.awaitSpan(TOPIC + " process");

    KafkaAssertions.assertThat(headers).hasValidTraceparent().hasValidBaggage();
    assertThatThrownBy(() -> KafkaAssertions.assertThat(headers).hasValidTracestate())
        .hasMessageStartingWith("\nExpecting the record to carry valid W3C trace context, but tracestate: key 'Vendor'"
            + " is not a lowercase simple key or tenant@system key.\nHeaders: [")
        .hasMessageContaining("tracestate=Vendor=x");
    assertThatThrownBy(() -> KafkaAssertions.assertThat(headers).hasBaggage("tenant", "other"))
        .hasMessageStartingWith("\nExpecting the record to carry baggage\n  tenant=other\nbut it was acme.\n");
  }

  @Test
  void aConsumerMissingItsOperationIsNamed(CapturedTraces traces) {
    OpenTelemetry worker = traces.openTelemetryFor("order-worker");
    Headers headers = publishAndProcess(traces);
    worker.getTracer("order-worker").spanBuilder(TOPIC + " receive").setSpanKind(SpanKind.CONSUMER)
        .setParent(KafkaHeadersCarrier.extract(worker, headers))
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", TOPIC)
        .startSpan().end();

    TraceForest forest = traces.awaitSpan(TOPIC + " receive");
    assertThatThrownBy(() -> KafkaAssertions.assertThatKafkaHop(forest, TOPIC).hasProtocolAttributes())
        .hasMessageContaining("but found:\n  1 span(s) without them (marked)\n  - " + TOPIC + " receive [CONSUMER]")
        .hasMessageContaining(": without messaging.operation.type\n");
    assertThatThrownBy(() -> KafkaAssertions.assertThatKafkaHop(forest, TOPIC).recordsPartitionAndOffset())
        .hasMessageContaining("  partition and offset on every CONSUMER span\nbut found:\n  2 span(s) without them (marked)\n")
        .hasMessageContaining(": without messaging.destination.partition.id, messaging.kafka.message.offset\n");
  }

  @Test
  @SuppressWarnings("deprecation") // the old name is what is tested
  void theOldNameDelegatesToTheSharedCheck(CapturedTraces traces) {
    publishAndProcess(traces);

    KafkaAssertions.assertThatKafkaHop(traces.awaitSpan(TOPIC + " process"), TOPIC).hasMessagingAttributes();
  }
}
