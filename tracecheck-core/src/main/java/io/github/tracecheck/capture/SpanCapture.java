package io.github.tracecheck.capture;

import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A span processor that captures spans for checks, test by test. Ended spans are kept per test,
 * up to a bound; span starts are recorded
 * too (with their thread), so the capture knows which spans are still open. Every start and end
 * wakes waiters ({@link #await}): awaiting spans needs no polling.
 *
 * <pre>{@code
 * SpanCapture capture = new SpanCapture(false);
 * SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(capture).build();
 * // ... run the code under test ...
 * TraceForest forest = capture.snapshot();
 * }</pre>
 *
 * <p><b>Attribution.</b> Without {@link #beginTest}, every span goes to one default capture. With
 * it, tests may run in parallel: a trace belongs to the test on whose thread its root started, and
 * every later span of that trace follows it, whatever thread it runs on. A root started on a thread
 * no test owns (a server thread, a pool) belongs to the running test when exactly one runs;
 * otherwise it cannot be attributed, and is kept apart ({@link #unattributed()}) rather than blamed
 * on a test. Spans that end after their test finished are counted ({@link #lateSpans()}), not kept.
 *
 * <p><b>Bounds.</b> Each test keeps at most {@code maxSpansPerTest} ended spans; the rest are counted
 * ({@link #droppedSpans(Object)}) so the test can fail saying so instead of exhausting memory.
 */
public final class SpanCapture implements SpanProcessor {

  /** The default bound on the spans kept per test. */
  public static final int DEFAULT_MAX_SPANS = 100_000;

  private static final Object DEFAULT = "default capture";
  private static final Object UNATTRIBUTED = "unattributed";

  /** What one test (or the default, or the unattributed) captured. */
  private static final class Bucket {
    final List<SpanData> ended = new ArrayList<>();
    // Keyed by the SDK's span object, which is the same at start and end (identity equality).
    final Map<ReadableSpan, SpanStart> open = new LinkedHashMap<>();
    final List<SpanStart> started = new ArrayList<>();
    final boolean captureStackTraces;
    final int maxSpans;
    int dropped;

    Bucket(boolean captureStackTraces, int maxSpans) {
      this.captureStackTraces = captureStackTraces;
      this.maxSpans = maxSpans;
    }
  }

  private final Object lock = new Object();
  private final boolean captureStackTraces;
  private final int maxSpans;
  // All guarded by lock.
  private final Map<Object, Bucket> buckets = new HashMap<>();
  private final Set<Object> activeTests = new LinkedHashSet<>();
  private final Map<Thread, Object> threadOwners = new HashMap<>();
  private final Map<String, Object> traceOwners = new HashMap<>();
  private final Map<ReadableSpan, Object> spanOwners = new HashMap<>();
  private long lateSpans;
  private long generation;

  /** @param captureStackTraces record where each span was started (costs a stack walk per span) */
  public SpanCapture(boolean captureStackTraces) {
    this(captureStackTraces, DEFAULT_MAX_SPANS);
  }

  /**
   * @param captureStackTraces record where each span was started, unless a test says otherwise
   * @param maxSpansPerTest the spans kept per test, unless a test says otherwise
   */
  public SpanCapture(boolean captureStackTraces, int maxSpansPerTest) {
    if (maxSpansPerTest < 1) {
      throw new IllegalArgumentException("maxSpansPerTest must be at least 1, was " + maxSpansPerTest);
    }
    this.captureStackTraces = captureStackTraces;
    this.maxSpans = maxSpansPerTest;
    buckets.put(DEFAULT, new Bucket(captureStackTraces, maxSpansPerTest));
    buckets.put(UNATTRIBUTED, new Bucket(captureStackTraces, maxSpansPerTest));
  }

  // --- attribution ---------------------------------------------------------------------------

  /** Starts capturing for a test that runs on the current thread. */
  public void beginTest(Object test, boolean captureStackTraces, int maxSpans) {
    synchronized (lock) {
      buckets.put(test, new Bucket(captureStackTraces, maxSpans));
      activeTests.add(test);
      threadOwners.put(Thread.currentThread(), test);
      changed();
    }
  }

  /** Stops capturing for the test and forgets what it captured. */
  public void endTest(Object test) {
    synchronized (lock) {
      activeTests.remove(test);
      threadOwners.values().removeIf(test::equals);
      traceOwners.values().removeIf(test::equals);
      spanOwners.values().removeIf(test::equals);
      buckets.remove(test);
      changed();
    }
  }

  /**
   * The test running on the current thread; when none is bound to it, the only running test, or
   * the default capture when no test runs.
   */
  public Object testOfCurrentThread() {
    synchronized (lock) {
      Object owner = threadOwners.get(Thread.currentThread());
      if (owner != null) {
        return owner;
      }
      return activeTests.size() == 1 ? activeTests.iterator().next() : DEFAULT;
    }
  }

  // --- the processor -------------------------------------------------------------------------

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    Thread thread = Thread.currentThread();
    Bucket bucket;
    synchronized (lock) {
      Object owner = traceOwners.get(span.getSpanContext().getTraceId());
      if (owner == null || !buckets.containsKey(owner)) {
        owner = ownerOfNewTrace(thread);
        traceOwners.put(span.getSpanContext().getTraceId(), owner);
      }
      spanOwners.put(span, owner);
      bucket = buckets.get(owner);
    }
    SpanStart start =
        new SpanStart(
            span.getName(),
            span.getKind(),
            span.getSpanContext(),
            span.getParentSpanContext(),
            thread.getName(),
            span.toSpanData().getStartEpochNanos(),
            bucket.captureStackTraces ? callerFrames() : List.of());
    synchronized (lock) {
      bucket.open.put(span, start);
      bucket.started.add(start);
      changed();
    }
  }

  /** The test a trace started on this thread belongs to. */
  private Object ownerOfNewTrace(Thread thread) {
    Object owner = threadOwners.get(thread);
    if (owner != null) {
      return owner;
    }
    if (activeTests.isEmpty()) {
      return DEFAULT;
    }
    return activeTests.size() == 1 ? activeTests.iterator().next() : UNATTRIBUTED;
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    SpanData data = span.toSpanData();
    synchronized (lock) {
      Object owner = spanOwners.remove(span);
      Bucket bucket = owner == null ? null : buckets.get(owner);
      if (bucket == null) {
        lateSpans++;
      } else {
        bucket.open.remove(span);
        if (bucket.ended.size() < bucket.maxSpans) {
          bucket.ended.add(data);
        } else {
          bucket.dropped++;
        }
      }
      changed();
    }
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  // --- views ----------------------------------------------------------------------------------

  /** The spans ended (and kept) for the test, in the order they ended. */
  public List<SpanData> endedSpans(Object test) {
    synchronized (lock) {
      Bucket bucket = buckets.get(test);
      return bucket == null ? List.of() : new ArrayList<>(bucket.ended);
    }
  }

  /** The test's spans that started and have not ended, in start order. */
  public List<SpanStart> openSpans(Object test) {
    synchronized (lock) {
      Bucket bucket = buckets.get(test);
      return bucket == null ? List.of() : new ArrayList<>(bucket.open.values());
    }
  }

  /** How many of the test's spans started and have not ended. */
  public int openSpanCount(Object test) {
    synchronized (lock) {
      Bucket bucket = buckets.get(test);
      return bucket == null ? 0 : bucket.open.size();
    }
  }

  /** Every span started for the test, in start order. */
  public List<SpanStart> startedSpans(Object test) {
    synchronized (lock) {
      Bucket bucket = buckets.get(test);
      return bucket == null ? List.of() : new ArrayList<>(bucket.started);
    }
  }

  /**
   * The ended spans and the starts of a test, read together: ended spans first, so that a span
   * ending in between shows as ended and started, never as neither.
   */
  public TraceForest snapshot(Object test) {
    List<SpanData> ended = endedSpans(test);
    return TraceForest.of(ended, startedSpans(test));
  }

  /** How many ended spans of the test were not kept because the bound was reached. */
  public int droppedSpans(Object test) {
    synchronized (lock) {
      Bucket bucket = buckets.get(test);
      return bucket == null ? 0 : bucket.dropped;
    }
  }

  /** How many spans ended after their test had finished. */
  public long lateSpans() {
    synchronized (lock) {
      return lateSpans;
    }
  }

  /** Forgets what the test captured so far. */
  public void reset(Object test) {
    synchronized (lock) {
      Bucket bucket = buckets.get(test);
      if (bucket != null) {
        bucket.ended.clear();
        bucket.open.clear();
        bucket.started.clear();
        bucket.dropped = 0;
      }
      changed();
    }
  }

  /** The traces whose root started where no single test could own it, while several tests ran. */
  public TraceForest unattributed() {
    return snapshot(UNATTRIBUTED);
  }

  /** Forgets the unattributed spans, once they have been reported. */
  public void clearUnattributed() {
    reset(UNATTRIBUTED);
  }

  // The default capture: what a user of this class without tests sees.

  /** The spans ended so far outside any test, in the order they ended. */
  public List<SpanData> endedSpans() {
    return endedSpans(DEFAULT);
  }

  public List<SpanStart> openSpans() {
    return openSpans(DEFAULT);
  }

  public List<SpanStart> startedSpans() {
    return startedSpans(DEFAULT);
  }

  public TraceForest snapshot() {
    return snapshot(DEFAULT);
  }

  public void reset() {
    reset(DEFAULT);
  }

  // --- signals --------------------------------------------------------------------------------

  /**
   * Waits until the condition holds, re-checking it whenever a span starts or ends, never by
   * polling; gives up after the timeout.
   *
   * @return whether the condition held
   */
  public boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      // Read the generation before checking: a span ending in between wakes the wait at once.
      long seen;
      synchronized (lock) {
        seen = generation;
      }
      if (condition.getAsBoolean()) {
        return true;
      }
      synchronized (lock) {
        while (generation == seen) {
          long remaining = deadline - System.nanoTime();
          if (remaining <= 0) {
            return false;
          }
          lock.wait(remaining / 1_000_000, (int) (remaining % 1_000_000));
        }
      }
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

  /** The capture outlives the tracer providers that feed it: shutting one down keeps it open. */
  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode forceFlush() {
    return CompletableResultCode.ofSuccess();
  }
}
