package io.github.tracecheck.kafka;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.render.TraceTreeRenderer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one Kafka hop in the captured traces: the PRODUCER span(s) for a topic and the
 * CONSUMER span(s) on the other side.
 *
 * <pre>{@code
 * KafkaAssertions.assertThatKafkaHop(traces.snapshot(), "orders")
 *     .isConnected()
 *     .hasMessagingAttributes();
 * }</pre>
 */
public class KafkaHopAssert extends AbstractAssert<KafkaHopAssert, TraceForest> {

  private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  private static final AttributeKey<String> OLD_DESTINATION = AttributeKey.stringKey("messaging.destination");

  private final String topic;

  public KafkaHopAssert(TraceForest actual, String topic) {
    super(actual, KafkaHopAssert.class);
    this.topic = topic;
  }

  /** There is a producer span and a consumer span for the topic. */
  public KafkaHopAssert exists() {
    isNotNull();
    if (producers().isEmpty() || consumers().isEmpty()) {
      fail("a PRODUCER and a CONSUMER span for Kafka topic \"" + topic + "\"",
          producers().size() + " producer span(s) and " + consumers().size() + " consumer span(s)", List.of());
    }
    return myself;
  }

  /**
   * Every consumer span of the topic continues a producer span of the topic: as a descendant
   * (parent-child propagation) or by a link, which the messaging conventions allow for batches.
   */
  public KafkaHopAssert isConnected() {
    return connected(true);
  }

  /** Every consumer span of the topic descends from a producer span of the topic (no links). */
  public KafkaHopAssert isConnectedByParent() {
    return connected(false);
  }

  private KafkaHopAssert connected(boolean linksCount) {
    exists();
    List<SpanNode> producers = producers();
    List<SpanNode> broken = new ArrayList<>();
    for (SpanNode consumer : consumers()) {
      boolean byParent = producers.stream().anyMatch(consumer::isDescendantOf);
      boolean byLink = linksCount && actual.linkedSpans(consumer).stream().anyMatch(producers::contains);
      if (!byParent && !byLink) {
        broken.add(consumer);
      }
    }
    if (!broken.isEmpty()) {
      List<SpanNode> marked = new ArrayList<>(broken);
      marked.addAll(producers);
      fail("every consumer span of Kafka topic \"" + topic + "\" connected to a producer span by "
              + (linksCount ? "parent or link" : "parent"),
          broken.size() + " consumer span(s) not connected (marked with the producers)", marked);
    }
    return myself;
  }

  /** Producer and consumer spans record messaging.system=kafka, the destination and the operation. */
  public KafkaHopAssert hasMessagingAttributes() {
    exists();
    List<SpanNode> missing = new ArrayList<>();
    List<SpanNode> all = new ArrayList<>(producers());
    all.addAll(consumers());
    for (SpanNode span : all) {
      boolean operation = span.attribute(AttributeKey.stringKey("messaging.operation.type")) != null
          || span.attribute(AttributeKey.stringKey("messaging.operation")) != null;
      if (!"kafka".equals(span.attribute(SYSTEM)) || destination(span) == null || !operation) {
        missing.add(span);
      }
    }
    if (!missing.isEmpty()) {
      fail("messaging.system=kafka, messaging.destination.name and messaging.operation.type on every span of the hop",
          missing.size() + " span(s) without them (marked)", missing);
    }
    return myself;
  }

  /** The consumer spans record the partition and offset of the records they read. */
  public KafkaHopAssert recordsPartitionAndOffset() {
    exists();
    List<SpanNode> missing = new ArrayList<>();
    for (SpanNode consumer : consumers()) {
      boolean partition = consumer.attribute(AttributeKey.stringKey("messaging.destination.partition.id")) != null
          || consumer.attribute(AttributeKey.longKey("messaging.kafka.destination.partition")) != null;
      boolean offset = consumer.attribute(AttributeKey.longKey("messaging.kafka.message.offset")) != null
          || consumer.attribute(AttributeKey.longKey("messaging.kafka.offset")) != null;
      if (!partition || !offset) {
        missing.add(consumer);
      }
    }
    if (!missing.isEmpty()) {
      fail("partition and offset on every consumer span", missing.size() + " consumer span(s) without them (marked)", missing);
    }
    return myself;
  }

  List<SpanNode> producers() {
    return spans(SpanKind.PRODUCER);
  }

  List<SpanNode> consumers() {
    return spans(SpanKind.CONSUMER);
  }

  private List<SpanNode> spans(SpanKind kind) {
    List<SpanNode> found = new ArrayList<>();
    for (SpanNode span : actual.spans()) {
      if (span.kind() == kind && "kafka".equals(span.attribute(SYSTEM)) && topic.equals(destination(span))) {
        found.add(span);
      }
    }
    return found;
  }

  private static String destination(SpanNode span) {
    String name = span.attribute(DESTINATION);
    return name != null ? name : span.attribute(OLD_DESTINATION);
  }

  private void fail(String expected, String actualDescription, List<SpanNode> marked) {
    failWithMessage("%nExpecting the Kafka hop of topic \"%s\" to have:%n  %s%nbut found:%n  %s%n%s",
        topic, expected, actualDescription, TraceTreeRenderer.create().render(actual, marked));
  }
}
