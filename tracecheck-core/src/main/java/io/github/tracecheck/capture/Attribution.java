package io.github.tracecheck.capture;

import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which test owns a span, so that tests running in parallel each see only their own traces. A
 * trace belongs to the test on whose thread its root started, and every later span of the trace
 * follows it, whatever thread it runs on. A root started on a thread no test owns belongs to the
 * only running test; with several running it is {@link #UNATTRIBUTED}, and with none it goes to
 * the {@link #DEFAULT} capture.
 *
 * <p>Not thread-safe: {@link SpanCapture} guards it with its lock.
 */
final class Attribution {

  /** The owner of spans started while no test runs (and of every span when tests are not used). */
  static final Object DEFAULT = "default capture";

  /** The owner of traces whose root started where no single test could own it. */
  static final Object UNATTRIBUTED = "unattributed";

  private final Set<Object> activeTests = new LinkedHashSet<>();
  private final Map<Thread, Object> threadOwners = new HashMap<>();
  private final Map<String, Object> traceOwners = new HashMap<>();
  // Keyed by the SDK's span object, which is the same at start and end (identity equality).
  private final Map<ReadableSpan, Object> spanOwners = new HashMap<>();

  /** A test starts running on the thread. */
  void begin(Object test, Thread thread) {
    activeTests.add(test);
    threadOwners.put(thread, test);
  }

  /** The test finished: it owns no thread, trace or span any more. */
  void end(Object test) {
    activeTests.remove(test);
    threadOwners.values().removeIf(test::equals);
    traceOwners.values().removeIf(test::equals);
    spanOwners.values().removeIf(test::equals);
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
    return activeTests.size() == 1 ? activeTests.iterator().next() : DEFAULT;
  }

  /** Decides (and remembers) who owns a span starting on the thread: the owner of its trace. */
  Object spanStarted(ReadableSpan span, Thread thread) {
    String traceId = span.getSpanContext().getTraceId();
    Object owner = traceOwners.get(traceId);
    if (owner == null || !owns(owner)) {
      owner = ownerOfNewTrace(thread);
      traceOwners.put(traceId, owner);
    }
    spanOwners.put(span, owner);
    return owner;
  }

  /** Forgets the owner of a span that ends, and returns it; null when its test has finished. */
  Object spanEnded(ReadableSpan span) {
    return spanOwners.remove(span);
  }

  /**
   * Decides (and remembers) who owns a span received from another process, which has no thread:
   * the owner of its trace (the test whose client span started it); else the only running test;
   * else, with several running, {@link #UNATTRIBUTED}; with none, the {@link #DEFAULT} capture.
   */
  Object spanReceived(String traceId) {
    Object owner = traceOwners.get(traceId);
    if (owner == null || !owns(owner)) {
      owner = activeTests.isEmpty() ? DEFAULT : activeTests.size() == 1 ? activeTests.iterator().next() : UNATTRIBUTED;
      traceOwners.put(traceId, owner);
    }
    return owner;
  }

  /** Whether a running test (or the default or unattributed capture) owns the trace now. */
  boolean isOwned(String traceId) {
    Object owner = traceOwners.get(traceId);
    return owner != null && owns(owner);
  }

  /** The traces the test owns, e.g. to recognise their spans arriving after it finished. */
  Set<String> tracesOf(Object test) {
    Set<String> traces = new java.util.HashSet<>();
    traceOwners.forEach((traceId, owner) -> {
      if (owner.equals(test)) {
        traces.add(traceId);
      }
    });
    return traces;
  }

  private boolean owns(Object owner) {
    return owner == DEFAULT || owner == UNATTRIBUTED || activeTests.contains(owner);
  }

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
}
