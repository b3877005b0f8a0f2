package io.github.tracecheck.semconv;

import io.github.tracecheck.model.SpanNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.EventData;
import java.util.List;
import java.util.Optional;

/**
 * How a span records a failure: {@code error.type}, and the {@code exception} event that {@code
 * recordException} adds (with {@code exception.type} and {@code exception.message}).
 */
public final class ErrorAttributes {

  /** {@code exception.type} on an exception event. */
  public static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
  /** {@code exception.message} on an exception event. */
  public static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");

  private ErrorAttributes() {}

  /** {@code error.type}; null when not set. */
  public static String errorType(SpanNode span) {
    return KnownAttributes.of(span).string(KnownAttributes.ERROR_TYPE);
  }

  /** The first {@code exception} event of the span. */
  public static Optional<EventData> exceptionEvent(SpanNode span) {
    // Indexed: asked of every span by a gate, most of which have no events, it makes no iterator.
    List<EventData> events = span.data().getEvents();
    for (int i = 0; i < events.size(); i++) {
      EventData event = events.get(i);
      if (event.getName().equals("exception")) {
        return Optional.of(event);
      }
    }
    return Optional.empty();
  }
}
