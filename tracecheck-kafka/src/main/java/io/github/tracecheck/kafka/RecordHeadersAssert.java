package io.github.tracecheck.kafka;

import io.github.tracecheck.assertj.AbstractWireContextAssert;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;

/**
 * Assertions on the trace context a Kafka record carried in its headers: the wire checks every
 * protocol shares ({@link AbstractWireContextAssert}). A repeated header counts by its last value,
 * as {@link KafkaHeadersCarrier} reads it.
 *
 * <pre>{@code
 * KafkaAssertions.assertThat(consumedRecord)
 *     .hasValidTraceparent()
 *     .continuesSpan(producerSpan)
 *     .hasBaggage("tenant", "acme");
 * }</pre>
 */
public class RecordHeadersAssert extends AbstractWireContextAssert<RecordHeadersAssert, Headers> {

  public RecordHeadersAssert(Headers actual) {
    super(actual, RecordHeadersAssert.class);
  }

  @Override
  protected String header(String name) {
    return KafkaHeadersCarrier.GETTER.get(actual, name);
  }

  @Override
  protected List<String> headerNames() {
    List<String> names = new ArrayList<>();
    KafkaHeadersCarrier.GETTER.keys(actual).forEach(names::add);
    return names;
  }

  @Override
  protected String carrier() {
    return "the record";
  }
}
