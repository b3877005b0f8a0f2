package io.github.tracecheck.semconv;

import io.github.tracecheck.model.SpanNode;

/**
 * The thread a span started on as the OpenTelemetry Java agent records it ({@code thread.name} and
 * {@code thread.id}), for spans that come from files or other processes rather than from the capture.
 */
public final class ThreadAttributes {

  /** The attribute key of the thread's name. */
  public static final String THREAD_NAME = "thread.name";

  /** The attribute key of the thread's id (a number), which tells apart threads of one name. */
  public static final String THREAD_ID = "thread.id";

  private ThreadAttributes() {}

  /** {@code thread.name}; null when not recorded. */
  public static String threadName(SpanNode span) {
    return KnownAttributes.of(span).string(KnownAttributes.THREAD_NAME);
  }

  /** {@code thread.id}; null when not recorded. */
  public static Long threadId(SpanNode span) {
    return KnownAttributes.of(span).number(KnownAttributes.THREAD_ID);
  }
}
