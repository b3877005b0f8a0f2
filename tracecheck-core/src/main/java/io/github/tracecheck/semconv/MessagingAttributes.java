package io.github.tracecheck.semconv;

import static io.github.tracecheck.semconv.AttributeReader.number;
import static io.github.tracecheck.semconv.AttributeReader.string;

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
    return string(span, "messaging.system");
  }

  /** The topic or queue; null when unknown. */
  public static String destination(SpanNode span) {
    return string(span, "messaging.destination.name", "messaging.destination");
  }

  /** e.g. {@code send}, {@code receive}, {@code process}; null when unknown. */
  public static String operation(SpanNode span) {
    return string(span, "messaging.operation.type", "messaging.operation");
  }

  /**
   * The partition the message was sent to or read from, e.g. {@code 0}: the current string attribute,
   * or the older number; null when unknown.
   */
  public static String partition(SpanNode span) {
    String id = string(span, "messaging.destination.partition.id");
    if (id != null) {
      return id;
    }
    Long number = number(span, "messaging.kafka.destination.partition");
    return number == null ? null : String.valueOf(number);
  }

  /** The offset of the Kafka record in its partition; null when unknown. */
  public static Long kafkaOffset(SpanNode span) {
    return number(span, "messaging.kafka.message.offset", "messaging.kafka.offset");
  }

  /** Whether the span records a messaging operation (it names the system). */
  public static boolean isMessaging(SpanNode span) {
    return system(span) != null;
  }
}
