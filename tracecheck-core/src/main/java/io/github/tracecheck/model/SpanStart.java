package io.github.tracecheck.model;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import java.util.List;
import java.util.Objects;

/**
 * What a capture saw when a span started: its name, ids, the thread that started it and, when
 * stack capture is on, where in the code it was started. {@code SpanData} carries none of the
 * thread information, and spans that never end never become {@code SpanData} at all.
 */
public final class SpanStart {

  /** The {@link #threadId()} of a start whose thread's id was not recorded. */
  public static final long UNKNOWN_THREAD_ID = -1;

  private final String name;
  private final SpanKind kind;
  private final SpanContext spanContext;
  private final SpanContext parentSpanContext;
  private final String threadName;
  private final long threadId;
  private final long startEpochNanos;
  private final List<StackTraceElement> startedAt;
  private final boolean onTestThread;

  /**
   * A span started on a thread that was not running a test.
   *
   * @param startedAt the stack of the code that started the span, innermost first; empty when not
   *     captured
   */
  public SpanStart(
      String name,
      SpanKind kind,
      SpanContext spanContext,
      SpanContext parentSpanContext,
      String threadName,
      long startEpochNanos,
      List<StackTraceElement> startedAt) {
    this(name, kind, spanContext, parentSpanContext, threadName, UNKNOWN_THREAD_ID, startEpochNanos, startedAt, false);
  }

  /**
   * @param threadId the started thread's id ({@code Thread.getId()}), which tells apart threads of one
   *     name (virtual threads have none); {@link #UNKNOWN_THREAD_ID} when not known
   * @param startedAt the stack of the code that started the span, innermost first; empty when not
   *     captured
   * @param onTestThread whether the thread was running a test when the span started: a root started
   *     there is the test acting as a client, an entry point of its own
   */
  public SpanStart(
      String name,
      SpanKind kind,
      SpanContext spanContext,
      SpanContext parentSpanContext,
      String threadName,
      long threadId,
      long startEpochNanos,
      List<StackTraceElement> startedAt,
      boolean onTestThread) {
    this.name = Objects.requireNonNull(name, "name");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.spanContext = Objects.requireNonNull(spanContext, "spanContext");
    this.parentSpanContext = Objects.requireNonNull(parentSpanContext, "parentSpanContext");
    this.threadName = Objects.requireNonNull(threadName, "threadName");
    this.threadId = threadId;
    this.startEpochNanos = startEpochNanos;
    this.startedAt = List.copyOf(startedAt);
    this.onTestThread = onTestThread;
  }

  /** Whether the span started on a thread that was running a test (the test's own thread). */
  public boolean onTestThread() {
    return onTestThread;
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

  /** The id of the thread the span was started on; {@link #UNKNOWN_THREAD_ID} when not recorded. */
  public long threadId() {
    return threadId;
  }

  public long startEpochNanos() {
    return startEpochNanos;
  }

  /** Where the span was started, innermost frame first; empty unless stack capture was turned on. */
  public List<StackTraceElement> startedAt() {
    return startedAt;
  }

  /** The frame of the code that started the span, or "" when stacks were not captured. */
  public String startedAtSummary() {
    return startedAt.isEmpty() ? "" : startedAt.get(0).toString();
  }

  @Override
  public String toString() {
    return "'" + name + "' [" + kind + "] " + spanContext.getSpanId() + " started on thread '"
        + threadName + "'";
  }
}
