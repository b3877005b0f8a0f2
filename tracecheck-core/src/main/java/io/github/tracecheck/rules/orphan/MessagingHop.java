package io.github.tracecheck.rules.orphan;

import static io.github.tracecheck.rules.internal.SpanDescriptions.describe;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.rules.RuleOptions;
import io.github.tracecheck.semconv.MessagingAttributes;
import io.opentelemetry.api.trace.SpanKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The messaging hop. A message whose PRODUCER span no consumer continued (no child span, and no
 * link when links count as connected) is the evidence: a CONSUMER root that started after it, for
 * the same system and destination (or the same system when the consumer names no destination), lost
 * the producer's context; and so did a root of another service that started after it without any
 * CONSUMER span (the consumer's work started with a root context). Kept apart from the other hops
 * because it matches spans by destination and speaks of message headers.
 */
final class MessagingHop {

  private final Map<Destination, SpansByStart> waitingByDestination;
  private final Map<String, SpansByStart> waitingBySystem;
  private final SpansByStart waiting;
  private final boolean linksConnect;

  /** The hop, given the PRODUCER spans no consumer continued, in start order ({@link HopIndexes#unconsumed}). */
  MessagingHop(List<SpanNode> unconsumed, RuleOptions options) {
    this.linksConnect = options.linksConnect();
    // Each producer's system is read once, for both groupings.
    Map<Destination, List<SpanNode>> byDestination = new HashMap<>();
    Map<String, List<SpanNode>> bySystem = new HashMap<>();
    for (SpanNode producer : unconsumed) {
      String system = String.valueOf(MessagingAttributes.system(producer));
      byDestination.computeIfAbsent(destinationKey(system, producer), key -> new ArrayList<>()).add(producer);
      bySystem.computeIfAbsent(system, key -> new ArrayList<>()).add(producer);
    }
    this.waitingByDestination = SpansByStart.indexed(byDestination);
    this.waitingBySystem = SpansByStart.indexed(bySystem);
    this.waiting = new SpansByStart(unconsumed);
  }

  /**
   * The orphan when this CONSUMER root lost its producer's context; empty when it links to a
   * producer (and links connect) or no unconsumed message explains it (its producer is not in the
   * capture: an entry point).
   */
  Optional<Orphan> consumerOrphan(SpanNode consumer) {
    if (linksConnect && !consumer.links().isEmpty()) {
      return Optional.empty(); // connected by link, as the messaging conventions allow
    }
    String destination = MessagingAttributes.destination(consumer);
    long start = consumer.startEpochNanos();
    SpansByStart candidates =
        destination != null
            ? waitingByDestination.get(destinationKey(consumer))
            : waitingBySystem.get(String.valueOf(MessagingAttributes.system(consumer)));
    SpanNode producer = candidates == null ? null : candidates.latestStartedBy(start);
    if (producer == null) {
      return Optional.empty();
    }
    return Optional.of(new Orphan(
        consumer,
        List.of(producer),
        "consumer span " + describe(consumer) + " started a new trace, but producer span "
            + describe(producer) + " sent to " + destinationOf(producer) + " in trace " + producer.traceId()
            + (destination == null ? " (the consumer names no destination; matched by messaging system)" : "")
            + ": the hop " + describe(producer) + " -> " + describe(consumer) + " is broken",
        "the consumer did not extract the context from " + carrier(producer) + ", or the producer did not"
            + " inject it" + (linksConnect ? "; a consumer may also link to the producer's context" : "")));
  }

  /**
   * The orphan when a root that is no CONSUMER started in another service (or, when {@code
   * ownMessages}, also in its own: it ran on a consumer's thread) after a message nobody consumed:
   * the consumer began its work without extracting the headers and without a CONSUMER span.
   */
  Optional<Orphan> workWithoutConsumerSpan(SpanNode root, String evidenceNote, boolean ownMessages, String cause) {
    SpanNode producer =
        waiting.latestStartedBy(root.startEpochNanos(), p -> ownMessages || !p.serviceName().equals(root.serviceName()));
    if (producer == null) {
      return Optional.empty();
    }
    return Optional.of(new Orphan(
        root,
        List.of(producer),
        "span " + describe(root) + " started a new trace after producer span " + describe(producer) + " sent to "
            + destinationOf(producer) + " in trace " + producer.traceId() + ", and no consumer span continued"
            + " that message: the hop " + describe(producer) + " -> " + describe(root) + " is broken"
            + evidenceNote,
        cause));
  }

  private static String destinationOf(SpanNode producer) {
    String system = MessagingAttributes.system(producer);
    String destination = MessagingAttributes.destination(producer);
    String name = destination == null ? "an unnamed destination" : "\"" + Masking.redact(destination) + "\"";
    if ("kafka".equals(system)) {
      return "Kafka topic " + name;
    }
    return (system == null ? "" : Masking.redact(system) + " ") + "destination " + name;
  }

  private static String carrier(SpanNode producer) {
    return "kafka".equals(MessagingAttributes.system(producer))
        ? "the Kafka record headers (traceparent)"
        : "the message headers";
  }

  /** A consumer continued the message: the producer has a CONSUMER child or a child across a process. */
  static boolean continued(SpanNode producer) {
    List<SpanNode> children = producer.children();
    for (int i = 0; i < children.size(); i++) { // indexed: asked of every producer, it makes no iterator
      SpanNode child = children.get(i);
      if (child.kind() == SpanKind.CONSUMER || child.hasRemoteParent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Messaging system and destination, as recorded: a record of the two rather than a text made of
   * them, so that keying every producer concatenates nothing.
   */
  private record Destination(String system, String name) {}

  /** The span's destination; a side that records no system has "null" for it on both. */
  private static Destination destinationKey(SpanNode span) {
    return destinationKey(String.valueOf(MessagingAttributes.system(span)), span);
  }

  private static Destination destinationKey(String system, SpanNode span) {
    return new Destination(system, MessagingAttributes.destination(span));
  }
}
