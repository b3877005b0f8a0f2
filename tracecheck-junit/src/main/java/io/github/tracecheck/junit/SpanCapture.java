package io.github.tracecheck.junit;

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
 * The span processor behind a capture: exports ended spans to opentelemetry-sdk-testing's {@link
 * InMemorySpanExporter} and also records span starts, so that it knows which spans are still open.
 * Every start and end bumps a generation counter and wakes waiters: awaiting spans needs no polling.
 */
final class SpanCapture implements SpanProcessor {

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SpanProcessor export = SimpleSpanProcessor.create(exporter);
  private final Object lock = new Object();
  // Keyed by trace id + span id; guarded by lock.
  private final Map<String, OpenSpan> open = new LinkedHashMap<>();
  private long generation;

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    OpenSpan started =
        new OpenSpan(
            span.getName(),
            span.getKind(),
            span.getSpanContext(),
            span.getParentSpanContext(),
            Thread.currentThread().getName(),
            span.toSpanData().getStartEpochNanos());
    synchronized (lock) {
      open.put(key(span), started);
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
  List<SpanData> endedSpans() {
    return exporter.getFinishedSpanItems();
  }

  /** The spans started since the last reset that have not ended, in the order they started. */
  List<OpenSpan> openSpans() {
    synchronized (lock) {
      return new ArrayList<>(open.values());
    }
  }

  /** Forgets every span captured so far: the next test starts from nothing. */
  void reset() {
    synchronized (lock) {
      exporter.reset();
      open.clear();
      changed();
    }
  }

  long generation() {
    synchronized (lock) {
      return generation;
    }
  }

  /**
   * Waits until a span starts or ends after {@code seenGeneration}, or the time runs out.
   *
   * @return false when the time ran out without a change
   */
  boolean awaitChange(long seenGeneration, long timeoutNanos) throws InterruptedException {
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
