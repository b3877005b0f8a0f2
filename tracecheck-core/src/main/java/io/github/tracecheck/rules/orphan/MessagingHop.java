package io.github.tracecheck.rules.orphan;

import static io.github.tracecheck.rules.internal.SpanDescriptions.describe;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.RuleOptions;
import io.github.tracecheck.semconv.MessagingAttributes;
import io.opentelemetry.api.trace.SpanKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The messaging hop: a CONSUMER root is an orphan when a producer sent to the same messaging system
 * and destination before it started (unless it links to a producer and links count as connected).
 * Kept apart from the other hops because it matches spans by destination and speaks of message
 * headers.
 */
final class MessagingHop {

  private final Map<String, SpansByStart> producersByDestination;
  private final boolean linksConnect;

  MessagingHop(List<SpanNode> spans, RuleOptions options) {
    this.producersByDestination =
        SpansByStart.groupedBy(spans, span -> span.kind() == SpanKind.PRODUCER ? destinationKey(span) : null);
    this.linksConnect = options.linksConnect();
  }

  /** The finding when this CONSUMER root lost its producer's context; empty when it did not. */
  Optional<Finding> orphan(SpanNode consumer) {
    if (linksConnect && !consumer.links().isEmpty()) {
      return Optional.empty(); // connected by link, as the messaging conventions allow
    }
    String system = MessagingAttributes.system(consumer);
    String destination = MessagingAttributes.destination(consumer);
    SpanNode producer = destination == null ? null : producerFor(consumer);
    if (producer == null) {
      return Optional.empty();
    }
    boolean kafka = "kafka".equals(system);
    String what =
        kafka
            ? "Kafka topic \"" + destination + "\""
            : (system == null ? "" : system + " ") + "destination \"" + destination + "\"";
    String carrier = kafka ? "the Kafka record headers (traceparent)" : "the message headers";
    return Optional.of(Finding.about(
        OrphanedRootRule.NAME,
        consumer,
        List.of(producer),
        "consumer span " + describe(consumer) + " started a new trace, but producer span "
            + describe(producer) + " sent to " + what + " in trace " + producer.traceId()
            + ": the hop " + describe(producer) + " -> " + describe(consumer) + " is broken",
        "the consumer did not extract the context from " + carrier + ", or the producer did not"
            + " inject it"
            + (linksConnect ? "; a consumer may also link to the producer's context" : "")));
  }

  /** The latest producer for the consumer's destination that started before (or with) it. */
  private SpanNode producerFor(SpanNode consumer) {
    SpansByStart producers = producersByDestination.get(destinationKey(consumer));
    return producers == null ? null : producers.latestStartedBy(consumer.data().getStartEpochNanos());
  }

  /** Messaging system and destination; a side that records neither is "null" on both. */
  private static String destinationKey(SpanNode span) {
    return MessagingAttributes.system(span) + "|" + MessagingAttributes.destination(span);
  }
}
