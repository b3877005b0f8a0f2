package io.github.tracecheck.spring;

import io.github.tracecheck.junit.internal.RunningCapture;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Hands the application's spans to the capture of the tracecheck run in progress. It looks the
 * capture up for every span rather than once: Spring's test-context cache keeps an application (and
 * this processor) alive across test classes, and each class's spans must still reach the capture.
 * Spans started while no run is in progress are not captured.
 */
final class RunningCaptureSpanProcessor implements SpanProcessor {

  // The span id of the probe started on this thread that a processor saw (RoutingProbe).
  private static final ThreadLocal<String> PROBE_SEEN = new ThreadLocal<>();

  /** Whether a processor of this kind saw the probe span with this id start on this thread. */
  static boolean sawProbe(String spanId) {
    boolean seen = spanId.equals(PROBE_SEEN.get());
    PROBE_SEEN.remove();
    return seen;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    if (isProbe(span)) {
      PROBE_SEEN.set(span.getSpanContext().getSpanId());
      return;
    }
    RunningCapture.current().ifPresent(capture -> capture.onStart(parentContext, span));
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    if (!isProbe(span)) {
      RunningCapture.current().ifPresent(capture -> capture.onEnd(span));
    }
  }

  private static boolean isProbe(ReadableSpan span) {
    return RoutingProbe.SCOPE.equals(span.getInstrumentationScopeInfo().getName());
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  /** The application closing its SDK must not close the run's capture: nothing to do here. */
  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public String toString() {
    return "RunningCaptureSpanProcessor{" + (RunningCapture.current().isPresent() ? "run in progress" : "no run") + "}";
  }
}
