package io.github.tracecheck.kafka;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.render.SpanLabel;
import io.github.tracecheck.w3c.Traceparent;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.context.Context;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the trace context a Kafka record carried in its headers.
 *
 * <pre>{@code
 * KafkaAssertions.assertThat(consumedRecord)
 *     .hasValidTraceparent()
 *     .continuesSpan(producerSpan)
 *     .hasBaggage("tenant", "acme");
 * }</pre>
 */
public class RecordHeadersAssert extends AbstractAssert<RecordHeadersAssert, Headers> {

  public RecordHeadersAssert(Headers actual) {
    super(actual, RecordHeadersAssert.class);
  }

  /** The record has exactly one valid W3C {@code traceparent} header (the last one counts). */
  public RecordHeadersAssert hasValidTraceparent() {
    isNotNull();
    String problem = Traceparent.problem(traceparent());
    if (problem != null) {
      failWithMessage("%nExpecting the record headers to carry a valid W3C traceparent, but %s.%nHeaders: %s", problem, describe());
    }
    return myself;
  }

  /**
   * The record's traceparent continues the given producer span: same trace id, and the producer's
   * span id as parent id.
   */
  public RecordHeadersAssert continuesSpan(SpanNode producer) {
    hasValidTraceparent();
    Traceparent parsed = Traceparent.parse(traceparent()).orElseThrow();
    if (!parsed.traceId().equals(producer.traceId()) || !parsed.parentId().equals(producer.spanId())) {
      failWithMessage(
          "%nExpecting the record's traceparent%n  %s%nto continue span%n  %s (trace %s, span %s)%nbut it names trace %s, parent %s",
          parsed, SpanLabel.of(producer), producer.traceId(), producer.spanId(), parsed.traceId(), parsed.parentId());
    }
    return myself;
  }

  /** The record carried this baggage entry in its {@code baggage} header. */
  public RecordHeadersAssert hasBaggage(String key, String value) {
    isNotNull();
    Context context =
        W3CBaggagePropagator.getInstance().extract(Context.root(), actual, KafkaHeadersCarrier.GETTER);
    String actualValue = Baggage.fromContext(context).getEntryValue(key);
    if (!value.equals(actualValue)) {
      failWithMessage(
          "%nExpecting the record to carry baggage%n  %s=%s%nbut %s.%nHeaders: %s",
          key, Masking.redact(value),
          actualValue == null ? "it has no such entry" : "it was " + Masking.redact(actualValue), describe());
    }
    return myself;
  }

  private String traceparent() {
    return KafkaHeadersCarrier.GETTER.get(actual, "traceparent");
  }

  private String describe() {
    StringBuilder out = new StringBuilder("[");
    actual.forEach(h -> {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append(h.key()).append('=')
          .append(h.value() == null ? "null" : Masking.redact(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
    });
    return out.append(']').toString();
  }

  Optional<Traceparent> parsed() {
    return Traceparent.parse(traceparent());
  }
}
