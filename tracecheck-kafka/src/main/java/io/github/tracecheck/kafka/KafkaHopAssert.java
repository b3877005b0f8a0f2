package io.github.tracecheck.kafka;

import io.github.tracecheck.assertj.AbstractHopAssert;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.semconv.MessagingAttributes;
import io.opentelemetry.api.trace.SpanKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Assertions on one Kafka hop in the captured traces: the PRODUCER span(s) for a topic and the
 * CONSUMER span(s) on the other side, read through {@link MessagingAttributes}. The checks are
 * those of every hop ({@link AbstractHopAssert}); a consumer span may also be connected to a
 * producer span by a link, as the messaging conventions allow for batches.
 *
 * <pre>{@code
 * KafkaAssertions.assertThatKafkaHop(traces.snapshot(), "orders")
 *     .isConnected()
 *     .hasProtocolAttributes()
 *     .recordsPartitionAndOffset();
 * }</pre>
 */
public class KafkaHopAssert extends AbstractHopAssert<KafkaHopAssert> {

  private final String topic;

  public KafkaHopAssert(TraceForest actual, String topic) {
    super(actual, KafkaHopAssert.class);
    this.topic = topic;
  }

  /**
   * Producer and consumer spans record messaging.system=kafka, the destination and the operation.
   *
   * @deprecated the same check is {@link #hasProtocolAttributes()}, named alike for every protocol
   */
  @Deprecated
  public KafkaHopAssert hasMessagingAttributes() {
    return hasProtocolAttributes();
  }

  /** The consumer spans record the partition and offset of the records they read. */
  public KafkaHopAssert recordsPartitionAndOffset() {
    exists();
    return hasAttributes(receivers(), "partition and offset on every CONSUMER span", span -> {
      List<String> missing = new ArrayList<>();
      if (MessagingAttributes.partition(span) == null) {
        missing.add("messaging.destination.partition.id");
      }
      if (MessagingAttributes.kafkaOffset(span) == null) {
        missing.add("messaging.kafka.message.offset");
      }
      return missing;
    });
  }

  @Override
  protected String hop() {
    return "the Kafka hop of topic \"" + topic + "\"";
  }

  @Override
  protected SpanKind senderKind() {
    return SpanKind.PRODUCER;
  }

  @Override
  protected SpanKind receiverKind() {
    return SpanKind.CONSUMER;
  }

  @Override
  protected boolean isPartOfHop(SpanNode span) {
    return "kafka".equals(MessagingAttributes.system(span)) && topic.equals(MessagingAttributes.destination(span));
  }

  @Override
  protected boolean linksConnect() {
    return true;
  }

  @Override
  protected String protocolAttributes() {
    return "messaging.system=kafka, messaging.destination.name and messaging.operation.type on every span of the hop";
  }

  /** The system and the destination are how the hop's spans are found; the operation must be there too. */
  @Override
  protected List<String> missingProtocolAttributes(SpanNode span) {
    return MessagingAttributes.operation(span) == null ? List.of("messaging.operation.type") : List.of();
  }
}
