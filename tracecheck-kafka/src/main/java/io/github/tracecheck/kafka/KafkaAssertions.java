package io.github.tracecheck.kafka;

import io.github.tracecheck.model.TraceForest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/** Entry point for the Kafka assertions: record headers and Kafka hops. */
public final class KafkaAssertions {

  private KafkaAssertions() {}

  public static RecordHeadersAssert assertThat(ConsumerRecord<?, ?> record) {
    return new RecordHeadersAssert(record == null ? null : record.headers());
  }

  public static RecordHeadersAssert assertThat(Headers headers) {
    return new RecordHeadersAssert(headers);
  }

  /** The hop through the Kafka topic: PRODUCER spans for it and CONSUMER spans reading it. */
  public static KafkaHopAssert assertThatKafkaHop(TraceForest forest, String topic) {
    return new KafkaHopAssert(forest, topic);
  }
}
