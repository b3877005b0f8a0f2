package io.github.tracecheck.junit.internal;

import io.github.tracecheck.capture.SpanCapture;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The capture of the tracecheck run in progress in this JVM, for span sources that live longer than
 * a test class - such as an SDK built by a Spring application context, which Spring's test-context
 * cache keeps across classes. Such a source forwards to whatever capture runs when the span starts.
 */
public final class RunningCapture {

  private static final AtomicReference<SpanCapture> CURRENT = new AtomicReference<>();

  private RunningCapture() {}

  /** The capture of the running run, if a {@code @TraceCheck} run is in progress. */
  public static Optional<SpanCapture> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Called when a run starts; its capture becomes the current one. */
  public static void started(SpanCapture capture) {
    CURRENT.set(capture);
  }

  /** Called when a run ends; forgets its capture unless another run has replaced it. */
  public static void ended(SpanCapture capture) {
    CURRENT.compareAndSet(capture, null);
  }
}
