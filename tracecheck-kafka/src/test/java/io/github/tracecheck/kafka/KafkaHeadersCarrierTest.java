package io.github.tracecheck.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class KafkaHeadersCarrierTest {

  private static final OpenTelemetry W3C =
      OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
  private static final SpanContext PRODUCER =
      SpanContext.create("0af7651916cd43dd8448eb211c80319c", "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());

  @Test
  void injectWritesOneTraceparentEvenWhenOneWasThere() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("traceparent", "00-11111111111111111111111111111111-2222222222222222-01".getBytes(StandardCharsets.UTF_8));

    KafkaHeadersCarrier.inject(W3C, Context.root().with(Span.wrap(PRODUCER)), headers);

    assertThat(headers.headers("traceparent")).hasSize(1);
    assertThat(KafkaHeadersCarrier.GETTER.get(headers, "traceparent"))
        .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01");
  }

  @Test
  void repeatedKeysLastOneWinsAndExtractReadsIt() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("traceparent", "00-11111111111111111111111111111111-2222222222222222-01".getBytes(StandardCharsets.UTF_8));
    headers.add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8));

    SpanContext extracted = Span.fromContext(KafkaHeadersCarrier.extract(W3C, headers)).getSpanContext();

    assertThat(extracted.getTraceId()).isEqualTo(PRODUCER.getTraceId());
    assertThat(extracted.getSpanId()).isEqualTo(PRODUCER.getSpanId());
    assertThat(extracted.isRemote()).isTrue();
    assertThat(KafkaHeadersCarrier.GETTER.keys(headers)).containsExactly("traceparent");
  }

  @Test
  void absentHeadersAreAbsentAndBinaryValuesAreUtf8() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("null-value", null);
    headers.add("text", "caf\u00e9".getBytes(StandardCharsets.UTF_8));

    assertThat(KafkaHeadersCarrier.GETTER.get(headers, "missing")).isNull();
    assertThat(KafkaHeadersCarrier.GETTER.get(headers, "null-value")).isNull();
    assertThat(KafkaHeadersCarrier.GETTER.get(headers, "text")).isEqualTo("caf\u00e9");
    assertThat(KafkaHeadersCarrier.GETTER.get(null, "text")).isNull();
    assertThat(Span.fromContext(KafkaHeadersCarrier.extract(W3C, headers)).getSpanContext().isValid()).isFalse();
  }
}
