package io.github.tracecheck.semconv;

import static io.github.tracecheck.semconv.AttributeReader.string;

import io.github.tracecheck.model.SpanNode;

/**
 * Messaging attributes of a span: {@code messaging.system}, the destination under its current name
 * ({@code messaging.destination.name}) and its older one ({@code messaging.destination}), and the
 * operation ({@code messaging.operation.type}, older {@code messaging.operation}).
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

  /** Whether the span records a messaging operation (it names the system). */
  public static boolean isMessaging(SpanNode span) {
    return system(span) != null;
  }
}
