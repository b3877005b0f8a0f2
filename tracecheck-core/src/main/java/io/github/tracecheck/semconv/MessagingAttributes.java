package io.github.tracecheck.semconv;

import static io.github.tracecheck.semconv.KnownAttributes.MESSAGING_DESTINATION;
import static io.github.tracecheck.semconv.KnownAttributes.MESSAGING_DESTINATION_NAME;
import static io.github.tracecheck.semconv.KnownAttributes.MESSAGING_DESTINATION_PARTITION_ID;
import static io.github.tracecheck.semconv.KnownAttributes.MESSAGING_KAFKA_DESTINATION_PARTITION;
import static io.github.tracecheck.semconv.KnownAttributes.MESSAGING_KAFKA_MESSAGE_OFFSET;
import static io.github.tracecheck.semconv.KnownAttributes.MESSAGING_KAFKA_OFFSET;
import static io.github.tracecheck.semconv.KnownAttributes.MESSAGING_OPERATION;
import static io.github.tracecheck.semconv.KnownAttributes.MESSAGING_OPERATION_TYPE;
import static io.github.tracecheck.semconv.KnownAttributes.MESSAGING_SYSTEM;

import io.github.tracecheck.model.SpanNode;

/**
 * Messaging attributes of a span: {@code messaging.system}, the destination under its current name
 * ({@code messaging.destination.name}) and its older one ({@code messaging.destination}), and the
 * operation ({@code messaging.operation.type}, older {@code messaging.operation}), and for Kafka the
 * partition ({@code messaging.destination.partition.id}, older {@code
 * messaging.kafka.destination.partition}) and offset ({@code messaging.kafka.message.offset}, older
 * {@code messaging.kafka.offset}).
 */
public final class MessagingAttributes {

  private MessagingAttributes() {}

  /** e.g. {@code kafka}; null when unknown. */
  public static String system(SpanNode span) {
    return KnownAttributes.of(span).string(MESSAGING_SYSTEM);
  }

  /** The topic or queue; null when unknown. */
  public static String destination(SpanNode span) {
    return KnownAttributes.of(span).string(MESSAGING_DESTINATION_NAME, MESSAGING_DESTINATION);
  }

  /** e.g. {@code send}, {@code receive}, {@code process}; null when unknown. */
  public static String operation(SpanNode span) {
    return KnownAttributes.of(span).string(MESSAGING_OPERATION_TYPE, MESSAGING_OPERATION);
  }

  /**
   * The partition the message was sent to or read from, e.g. {@code 0}: the current string attribute,
   * or the older number; null when unknown.
   */
  public static String partition(SpanNode span) {
    KnownAttributes known = KnownAttributes.of(span);
    String id = known.string(MESSAGING_DESTINATION_PARTITION_ID);
    if (id != null) {
      return id;
    }
    Long number = known.number(MESSAGING_KAFKA_DESTINATION_PARTITION);
    return number == null ? null : String.valueOf(number);
  }

  /** The offset of the Kafka record in its partition; null when unknown. */
  public static Long kafkaOffset(SpanNode span) {
    return KnownAttributes.of(span).number(MESSAGING_KAFKA_MESSAGE_OFFSET, MESSAGING_KAFKA_OFFSET);
  }

  /** Whether the span records a messaging operation (it names the system). */
  public static boolean isMessaging(SpanNode span) {
    return system(span) != null;
  }
}
