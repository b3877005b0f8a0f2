package io.github.tracecheck.junit;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;

/**
 * A span that was started and has not ended yet, as the capture saw it start: its name, its ids and
 * the thread that started it.
 */
public final class OpenSpan {

  private final String name;
  private final SpanKind kind;
  private final SpanContext spanContext;
  private final SpanContext parentSpanContext;
  private final String threadName;
  private final long startEpochNanos;

  OpenSpan(
      String name,
      SpanKind kind,
      SpanContext spanContext,
      SpanContext parentSpanContext,
      String threadName,
      long startEpochNanos) {
    this.name = name;
    this.kind = kind;
    this.spanContext = spanContext;
    this.parentSpanContext = parentSpanContext;
    this.threadName = threadName;
    this.startEpochNanos = startEpochNanos;
  }

  public String name() {
    return name;
  }

  public SpanKind kind() {
    return kind;
  }

  public SpanContext spanContext() {
    return spanContext;
  }

  /** The parent's context; invalid when the span is a root. */
  public SpanContext parentSpanContext() {
    return parentSpanContext;
  }

  /** The name of the thread the span was started on. */
  public String threadName() {
    return threadName;
  }

  public long startEpochNanos() {
    return startEpochNanos;
  }

  @Override
  public String toString() {
    return "'" + name + "' [" + kind + "] " + spanContext.getSpanId() + " started on thread '"
        + threadName + "'";
  }
}
