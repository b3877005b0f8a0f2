package io.github.tracecheck.junit.internal;

import io.github.tracecheck.capture.SpanCapture;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The capture of the tracecheck run in progress in this JVM, for span sources that live longer than
 * a test class - such as an SDK built by a Spring application context, which Spring's test-context
 * cache keeps across classes. Such a source forwards to whatever capture runs when the span starts.
 * A run may start inside another (a test that runs test classes with JUnit's test kit): the inner
 * one is current until it ends, then the outer one is current again.
 */
public final class RunningCapture {

  private static final Deque<SpanCapture> RUNNING = new ArrayDeque<>();
  // The innermost of RUNNING, read for every span without taking the lock.
  private static volatile SpanCapture current;

  private RunningCapture() {}

  /** The capture of the running run (the innermost), if a {@code @TraceCheck} run is in progress. */
  public static Optional<SpanCapture> current() {
    return Optional.ofNullable(current);
  }

  /** Called when a run starts; its capture becomes the current one. */
  public static synchronized void started(SpanCapture capture) {
    RUNNING.addFirst(capture);
    current = capture;
  }

  /** Called when a run ends; the run it started in, if any, is current again. */
  public static synchronized void ended(SpanCapture capture) {
    RUNNING.remove(capture);
    current = RUNNING.peekFirst();
  }
}
