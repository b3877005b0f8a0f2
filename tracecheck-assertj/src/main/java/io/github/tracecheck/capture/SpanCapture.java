package io.github.tracecheck.capture;

import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A span processor that captures spans for checks: it exports ended spans to
 * opentelemetry-sdk-testing's {@link InMemorySpanExporter} and also records span starts (with their
 * thread), so that it knows which spans are still open. Every start and end bumps a generation
 * counter and wakes waiters: awaiting spans needs no polling.
 *
 * <pre>{@code
 * SpanCapture capture = new SpanCapture(false);
 * SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(capture).build();
 * // ... run the code under test ...
 * TraceForest forest = capture.snapshot();
 * }</pre>
 *
 * <p>The JUnit extension {@code @TraceCheck} installs one per test class; use it directly with
 * other test frameworks.
 */
public final class SpanCapture implements SpanProcessor {

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SpanProcessor export = SimpleSpanProcessor.create(exporter);
  private final Object lock = new Object();
  private final boolean captureStackTraces;
  // Keyed by trace id + span id; guarded by lock.
  private final Map<String, SpanStart> open = new LinkedHashMap<>();
  private final List<SpanStart> started = new ArrayList<>();
  private long generation;

  /** @param captureStackTraces record where each span was started (costs a stack walk per span) */
  public SpanCapture(boolean captureStackTraces) {
    this.captureStackTraces = captureStackTraces;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    SpanStart start =
        new SpanStart(
            span.getName(),
            span.getKind(),
            span.getSpanContext(),
            span.getParentSpanContext(),
            Thread.currentThread().getName(),
            span.toSpanData().getStartEpochNanos(),
            captureStackTraces ? callerFrames() : List.of());
    synchronized (lock) {
      open.put(key(span), start);
      started.add(start);
      changed();
    }
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    export.onEnd(span);
    synchronized (lock) {
      open.remove(key(span));
      changed();
    }
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  /** The spans ended since the last reset, in the order they ended. */
  public List<SpanData> endedSpans() {
    return exporter.getFinishedSpanItems();
  }

  /** The spans started since the last reset that have not ended, in the order they started. */
  public List<SpanStart> openSpans() {
    synchronized (lock) {
      return new ArrayList<>(open.values());
    }
  }

  /** Every span started since the last reset, in the order they started. */
  public List<SpanStart> startedSpans() {
    synchronized (lock) {
      return new ArrayList<>(started);
    }
  }

  /**
   * The ended spans and the starts, read together so that each ended span has its start. Ended
   * spans are read first: a span ending in between shows as ended and started, never as neither.
   */
  public TraceForest snapshot() {
    List<SpanData> ended = exporter.getFinishedSpanItems();
    return TraceForest.of(ended, startedSpans());
  }

  /** Forgets every span captured so far: the next test starts from nothing. */
  public void reset() {
    synchronized (lock) {
      exporter.reset();
      open.clear();
      started.clear();
      changed();
    }
  }

  /** A counter bumped by every span start and end, and by {@link #reset()}. */
  public long generation() {
    synchronized (lock) {
      return generation;
    }
  }

  /**
   * Waits until a span starts or ends after {@code seenGeneration}, or the time runs out.
   *
   * @return false when the time ran out without a change
   */
  public boolean awaitChange(long seenGeneration, long timeoutNanos) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    synchronized (lock) {
      while (generation == seenGeneration) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        lock.wait(remaining / 1_000_000, (int) (remaining % 1_000_000));
      }
      return true;
    }
  }

  /** The stack of the code that started the span, without the frames of the SDK and this capture. */
  private static List<StackTraceElement> callerFrames() {
    StackTraceElement[] stack = new Throwable().getStackTrace();
    int first = 0;
    while (first < stack.length
        && (stack[first].getClassName().startsWith("io.opentelemetry.")
            || stack[first].getClassName().startsWith(SpanCapture.class.getPackageName() + "."))) {
      first++;
    }
    return List.of(stack).subList(first, stack.length);
  }

  private void changed() {
    generation++;
    lock.notifyAll();
  }

  private static String key(ReadableSpan span) {
    return span.getSpanContext().getTraceId() + span.getSpanContext().getSpanId();
  }

  @Override
  public CompletableResultCode shutdown() {
    return export.shutdown();
  }

  @Override
  public CompletableResultCode forceFlush() {
    return export.forceFlush();
  }
}
