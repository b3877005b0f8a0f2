package io.github.tracecheck.spring;

import io.github.tracecheck.capture.SpanCapture;
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

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    RunningCapture.current().ifPresent(capture -> capture.onStart(parentContext, span));
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    RunningCapture.current().ifPresent(capture -> capture.onEnd(span));
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
    return "RunningCaptureSpanProcessor{" + RunningCapture.current().map(SpanCapture::toString).orElse("no run") + "}";
  }
}
