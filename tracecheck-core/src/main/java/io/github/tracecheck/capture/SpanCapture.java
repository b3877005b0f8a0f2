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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

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
 * it, tests may run in parallel: a span belongs to the test marked in its parent context ({@link
 * TestContext}, made current on the test's thread), else to its parent span's owner, else to its
 * trace's owner, else to the test running on its thread; a root started on a thread no test owns (a
 * server thread, a pool) belongs to the running test when exactly one runs. Otherwise it cannot be
 * attributed, and is kept apart ({@link #unattributed()}) rather than blamed on a test. Spans that
 * descend from a finished test, or end after it finished, are counted ({@link #lateSpans()}), never
 * given to another test.
 *
 * <p><b>Bounds.</b> Each test keeps at most {@code maxSpansPerTest} ended spans and at most as many
 * span starts; the rest are counted ({@link #droppedSpans(Object)}, {@link #droppedStarts(Object)})
 * so the test can fail saying so instead of exhausting memory. Open spans are counted exactly
 * ({@link #openSpanCount(Object)}) even past the bound.
 *
 * <p>This class is the processor and the facade; who owns a span, what a test keeps and how
 * waiters are woken are each decided by a class of their own in this package.
 */
public final class SpanCapture implements SpanProcessor {

  /** The default bound on the spans kept per test. */
  public static final int DEFAULT_MAX_SPANS = 100_000;

  private final ChangeSignal signal = new ChangeSignal();
  private final Object lock = new Object();
  // All guarded by lock. The signal is told after each change, outside the lock.
  private final Attribution attribution = new Attribution();
  private final Map<Object, SpanBuffer> buffers = new HashMap<>();
  private final LogCapture logs = new LogCapture();
  private long lateSpans;

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
    buffers.put(Attribution.DEFAULT, new SpanBuffer(captureStackTraces, maxSpansPerTest));
    buffers.put(Attribution.UNATTRIBUTED, new SpanBuffer(captureStackTraces, maxSpansPerTest));
  }

  // --- attribution ---------------------------------------------------------------------------

  /** Starts capturing for a test that runs on the current thread. */
  public void beginTest(Object test, boolean captureStackTraces, int maxSpans) {
    synchronized (lock) {
      buffers.put(test, new SpanBuffer(captureStackTraces, maxSpans));
      attribution.begin(test, Thread.currentThread(), maxSpans);
    }
    signal.changed();
  }

  /** Stops capturing for the test and forgets what it captured. */
  public void endTest(Object test) {
    synchronized (lock) {
      attribution.end(test);
      buffers.remove(test);
    }
    signal.changed();
  }

  /**
   * The test running on the current thread; when none is bound to it, the only running test, or
   * the default capture when no test runs.
   */
  public Object testOfCurrentThread() {
    synchronized (lock) {
      return attribution.testOf(Thread.currentThread());
    }
  }

  /**
   * The one running test that owns the trace (by the spans of it the capture attributed), so that
   * spans arriving from elsewhere, such as an OTLP receiver, can be given to it; empty when no test
   * or several tests own it (two tests continuing one incoming trace id).
   */
  public Optional<Object> ownerOfTrace(String traceId) {
    synchronized (lock) {
      return Optional.ofNullable(attribution.ownerOfTrace(traceId));
    }
  }

  // --- the processor -------------------------------------------------------------------------

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    Thread thread = Thread.currentThread();
    SpanBuffer buffer;
    boolean onTestThread;
    synchronized (lock) {
      buffer = buffers.get(attribution.spanStarted(parentContext, span, thread));
      onTestThread = attribution.isTestThread(thread);
    }
    if (buffer == null) {
      return; // a late span of a finished test: counted when it ends
    }
    // Built outside the lock: the stack walk is the expensive part.
    SpanStart start =
        new SpanStart(
            span.getName(),
            span.getKind(),
            span.getSpanContext(),
            span.getParentSpanContext(),
            thread.getName(),
            thread.getId(),
            span.toSpanData().getStartEpochNanos(),
            buffer.captureStackTraces() ? callerFrames() : List.of(),
            onTestThread);
    synchronized (lock) {
      buffer.spanStarted(span, start);
    }
    signal.changed();
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    SpanData data = span.toSpanData();
    synchronized (lock) {
      Object owner = attribution.spanEnded(span);
      SpanBuffer buffer = owner == null ? null : buffers.get(owner);
      if (buffer == null) {
        lateSpans++;
      } else {
        buffer.spanEnded(span, data);
      }
    }
    signal.changed();
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  /**
   * Takes spans that ended in another process (an OTLP receiver, a file): each goes to the test
   * that owns its trace (the test whose client span started it), else to the only running test,
   * else it is kept apart ({@link #unattributed()}), never blamed on a test. A span of a trace whose
   * test has finished counts as late ({@link #lateSpans()}). Wakes waiters, like a span ending here.
   * Such spans have no start and no thread: rules see them as ended spans only.
   */
  public void received(Collection<? extends SpanData> spans) {
    if (spans.isEmpty()) {
      return;
    }
    synchronized (lock) {
      for (SpanData span : spans) {
        SpanBuffer buffer = buffers.get(attribution.spanReceived(span.getSpanContext().getTraceId()));
        if (buffer == null) {
          lateSpans++; // its test has finished (Attribution.LATE has no buffer)
        } else {
          buffer.spanReceived(span);
        }
      }
    }
    signal.changed();
  }

  // --- views ----------------------------------------------------------------------------------

  /** The spans ended (and kept) for the test, in the order they ended. */
  public List<SpanData> endedSpans(Object test) {
    return read(test, SpanBuffer::ended, List.of());
  }

  /**
   * The test's spans that started and have not ended, in start order: those whose start was kept
   * (see {@link #openSpanCount(Object)} for all of them).
   */
  public List<SpanStart> openSpans(Object test) {
    return read(test, SpanBuffer::open, List.of());
  }

  /** How many of the test's spans started and have not ended, including those past the bound. */
  public int openSpanCount(Object test) {
    return read(test, SpanBuffer::openCount, 0);
  }

  /** Every span start kept for the test (at most the bound), in start order. */
  public List<SpanStart> startedSpans(Object test) {
    return read(test, SpanBuffer::started, List.of());
  }

  /**
   * The ended spans and the starts of a test, read together: ended spans first, so that a span
   * ending in between shows as ended and started, never as neither.
   */
  public TraceForest snapshot(Object test) {
    List<SpanData> ended = endedSpans(test);
    Set<String> traceIds = new HashSet<>();
    for (SpanData span : ended) {
      traceIds.add(span.getTraceId());
    }
    return TraceForest.of(ended, startedSpans(test), logs.recordsOf(traceIds));
  }

  /** The log record processor whose records snapshots attach to their spans; give it to the Logs SDK. */
  public LogCapture logs() {
    return logs;
  }

  /** How many ended spans of the test were not kept because the bound was reached. */
  public int droppedSpans(Object test) {
    return read(test, SpanBuffer::droppedEnds, 0);
  }

  /** How many span starts of the test were not kept because the bound was reached. */
  public int droppedStarts(Object test) {
    return read(test, SpanBuffer::droppedStarts, 0);
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
      SpanBuffer buffer = buffers.get(test);
      if (buffer != null) {
        buffer.clear();
      }
    }
    signal.changed();
  }

  /** The traces whose root started where no single test could own it, while several tests ran. */
  public TraceForest unattributed() {
    return snapshot(Attribution.UNATTRIBUTED);
  }

  /** Forgets the unattributed spans, once they have been reported. */
  public void clearUnattributed() {
    reset(Attribution.UNATTRIBUTED);
  }

  // The default capture: what a user of this class without tests sees.

  /** The spans ended so far outside any test, in the order they ended. */
  public List<SpanData> endedSpans() {
    return endedSpans(Attribution.DEFAULT);
  }

  public List<SpanStart> openSpans() {
    return openSpans(Attribution.DEFAULT);
  }

  public List<SpanStart> startedSpans() {
    return startedSpans(Attribution.DEFAULT);
  }

  public TraceForest snapshot() {
    return snapshot(Attribution.DEFAULT);
  }

  public void reset() {
    reset(Attribution.DEFAULT);
  }

  // --- signals --------------------------------------------------------------------------------

  /**
   * Waits until the condition holds, re-checking it whenever a span starts or ends, never by
   * polling; gives up after the timeout.
   *
   * @return whether the condition held
   */
  public boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    return signal.await(condition, timeout);
  }

  private <T> T read(Object test, Function<SpanBuffer, T> view, T none) {
    synchronized (lock) {
      SpanBuffer buffer = buffers.get(test);
      return buffer == null ? none : view.apply(buffer);
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
