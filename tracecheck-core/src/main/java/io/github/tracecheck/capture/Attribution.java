package io.github.tracecheck.capture;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Which test owns a span, so that tests running in parallel each see only their own traces. In
 * order:
 *
 * <ol>
 *   <li>the test marked in the span's parent context ({@link TestContext}), which travels with the
 *       context into wrapped executors and spans;
 *   <li>the owner of its parent span (a server span whose client span a test started);
 *   <li>the test running on the thread (a parent made from {@code Context.root()} loses the mark);
 *   <li>the owner of its trace, when exactly one running test owns it (two tests continuing one
 *       incoming trace id are two tests: neither gets the other's spans);
 *   <li>for a root on another thread (a pool, a server): the only running test.
 * </ol>
 *
 * <p>A span that descends from a finished test, by mark, parent or trace, is {@link #LATE}: never
 * given to a running test. A root on a thread that runs tests but no traced test now (a test class
 * without {@code @TraceCheck}, in a parallel run), or on another thread while several tests run,
 * is {@link #UNATTRIBUTED}: reported apart, never blamed on a test. With no test running, spans go to
 * the {@link #DEFAULT} capture.
 *
 * <p>What is remembered per test (span and trace owners) is bounded by the test's span bound, so
 * memory stays flat past it; owners of spans still open are held weakly, so spans a program drops
 * without ending them do not stay reachable through the capture.
 *
 * <p>Not thread-safe: {@link SpanCapture} guards it with its lock.
 */
final class Attribution {

  /** The owner of spans started while no test runs (and of every span when tests are not used). */
  static final Object DEFAULT = "default capture";

  /** The owner of traces whose root started where no single test could own it. */
  static final Object UNATTRIBUTED = "unattributed";

  /** The owner of spans that descend from a test that has finished: counted, kept by no test. */
  static final Object LATE = "late";

  /** How many trace ids of finished tests are remembered, to keep their late spans away from others. */
  static final int FINISHED_TRACES = 10_000;

  private final Map<Object, Integer> activeTests = new LinkedHashMap<>(); // test -> its bound
  private final Map<Thread, Object> threadOwners = new HashMap<>();
  private final Set<ForkJoinPool> testRunnerPools = new HashSet<>();
  private final Set<Thread> testRunnerThreads = Collections.newSetFromMap(new WeakHashMap<>());
  private final Map<String, Set<Object>> traceOwners = new HashMap<>();
  private final Set<String> finishedTraces = boundedSet(FINISHED_TRACES);
  private final Map<String, Object> spanIdOwners = new HashMap<>(); // traceId + spanId -> test
  private final Map<Object, Integer> remembered = new HashMap<>(); // test -> entries it holds above
  // Keyed by the SDK's span object, which is the same at start and end (identity equality).
  private final Map<ReadableSpan, Object> spanOwners = new WeakHashMap<>();

  /** A test starts running on the thread; it remembers at most {@code bound} spans' and traces' owners. */
  void begin(Object test, Thread thread, int bound) {
    activeTests.put(test, bound);
    threadOwners.put(thread, test);
    testRunnerThreads.add(thread);
    if (thread instanceof ForkJoinWorkerThread worker) {
      testRunnerPools.add(worker.getPool()); // JUnit's parallel executor: its threads run tests, not code under test
    }
  }

  /** A test starts running on the thread, with no bound on what it remembers. */
  void begin(Object test, Thread thread) {
    begin(test, thread, Integer.MAX_VALUE);
  }

  /** The test finished: it owns no thread, trace or span any more; what descends from it is late. */
  void end(Object test) {
    activeTests.remove(test);
    threadOwners.values().removeIf(test::equals);
    traceOwners.entrySet().removeIf(entry -> {
      if (entry.getValue().remove(test) && entry.getValue().isEmpty()) {
        finishedTraces.add(entry.getKey());
        return true;
      }
      return false;
    });
    spanIdOwners.values().removeIf(test::equals);
    spanOwners.values().removeIf(test::equals);
    remembered.remove(test);
  }

  /** Whether a running test is bound to the thread (it is the test's own thread). */
  boolean isTestThread(Thread thread) {
    return threadOwners.containsKey(thread);
  }

  /** The test bound to the thread; else the only running test; else the default capture. */
  Object testOf(Thread thread) {
    Object owner = threadOwners.get(thread);
    if (owner != null) {
      return owner;
    }
    return activeTests.size() == 1 ? activeTests.keySet().iterator().next() : DEFAULT;
  }

  /** The one running test that owns the trace; null when none or several do. */
  Object ownerOfTrace(String traceId) {
    Set<Object> owners = traceOwners.get(traceId);
    return owners != null && owners.size() == 1 ? owners.iterator().next() : null;
  }

  /** Decides (and remembers) who owns a span starting on the thread with this parent context. */
  Object spanStarted(Context parentContext, ReadableSpan span, Thread thread) {
    Object owner = decide(parentContext, span, thread);
    spanOwners.put(span, owner);
    if (activeTests.containsKey(owner) && mayRemember(owner)) {
      SpanContext context = span.getSpanContext();
      spanIdOwners.put(context.getTraceId() + context.getSpanId(), owner);
      traceOwners.computeIfAbsent(context.getTraceId(), t -> new LinkedHashSet<>()).add(owner);
    }
    return owner;
  }

  /** As {@link #spanStarted(Context, ReadableSpan, Thread)} for a span started without a parent context. */
  Object spanStarted(ReadableSpan span, Thread thread) {
    return spanStarted(Context.root(), span, thread);
  }

  /**
   * Decides who owns a span received from another process, which has neither parent context nor
   * thread: the one running test that owns its trace (the test whose client span started it);
   * {@link #LATE} when the tests of its trace have finished; else the only running test, which then
   * owns the trace; else {@link #UNATTRIBUTED} (several tests run, or share the trace), or the
   * {@link #DEFAULT} capture when none runs.
   */
  Object spanReceived(String traceId) {
    Set<Object> owners = traceOwners.get(traceId);
    if (owners != null) {
      return owners.size() == 1 ? owners.iterator().next() : UNATTRIBUTED;
    }
    if (finishedTraces.contains(traceId)) {
      return LATE;
    }
    if (activeTests.isEmpty()) {
      return DEFAULT;
    }
    if (activeTests.size() > 1) {
      return UNATTRIBUTED;
    }
    Object only = activeTests.keySet().iterator().next();
    if (mayRemember(only)) {
      traceOwners.computeIfAbsent(traceId, t -> new LinkedHashSet<>()).add(only);
    }
    return only;
  }

  /** Forgets the owner of a span that ends, and returns it; null when its test has finished. */
  Object spanEnded(ReadableSpan span) {
    Object owner = spanOwners.remove(span);
    return owner == LATE ? null : owner;
  }

  private Object decide(Context parentContext, ReadableSpan span, Thread thread) {
    Object marked = TestContext.testOf(parentContext);
    if (marked != null) {
      return activeTests.containsKey(marked) ? marked : LATE;
    }
    String traceId = span.getSpanContext().getTraceId();
    SpanContext parent = span.getParentSpanContext();
    if (parent.isValid()) {
      Object parentOwner = spanIdOwners.get(parent.getTraceId() + parent.getSpanId());
      if (parentOwner != null) {
        return parentOwner;
      }
    }
    // A test's own thread outranks the trace: a test that builds its parent from Context.root() (an
    // extracted incoming traceparent) is still the test, even when another test continues that trace.
    Object threadOwner = threadOwners.get(thread);
    if (threadOwner != null) {
      return threadOwner;
    }
    Set<Object> owners = traceOwners.get(traceId);
    if (owners != null && owners.size() == 1) {
      return owners.iterator().next();
    }
    if (owners == null && finishedTraces.contains(traceId)) {
      return LATE;
    }
    if (activeTests.isEmpty()) {
      return DEFAULT;
    }
    if (owners != null || isTestRunnerThread(thread)) {
      return UNATTRIBUTED; // several tests share the trace, or a test without @TraceCheck runs here
    }
    return activeTests.size() == 1 ? activeTests.keySet().iterator().next() : UNATTRIBUTED;
  }

  /** How many span and trace owners are remembered: flat past each test's bound. */
  int rememberedOwners() {
    return spanIdOwners.size() + traceOwners.size() + spanOwners.size();
  }

  /** A thread that has run traced tests, or belongs to the pool that runs them. */
  private boolean isTestRunnerThread(Thread thread) {
    return testRunnerThreads.contains(thread)
        || thread instanceof ForkJoinWorkerThread worker && testRunnerPools.contains(worker.getPool());
  }

  /** Counts one more remembered span for the test; false once its bound is reached. */
  private boolean mayRemember(Object test) {
    int count = remembered.merge(test, 1, Integer::sum);
    return count <= activeTests.get(test);
  }

  private static <T> Set<T> boundedSet(int max) {
    return Collections.newSetFromMap(new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<T, Boolean> eldest) {
        return size() > max;
      }
    });
  }
}
