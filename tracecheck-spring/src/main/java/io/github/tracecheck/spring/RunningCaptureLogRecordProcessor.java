package io.github.tracecheck.spring;

import io.github.tracecheck.junit.internal.RunningCapture;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;

/**
 * Hands the application's log records (OpenTelemetry's Logback appender installed with the
 * application's SDK) to the capture of the tracecheck run in progress, where each snapshot attaches
 * them to the span current when they were emitted. Like {@link RunningCaptureSpanProcessor}, it
 * looks the capture up for every record, since a cached application outlives a test class.
 */
final class RunningCaptureLogRecordProcessor implements LogRecordProcessor {

  @Override
  public void onEmit(Context context, ReadWriteLogRecord logRecord) {
    RunningCapture.current().ifPresent(capture -> capture.logs().onEmit(context, logRecord));
  }

  /** The application closing its SDK must not close the run's capture: nothing to do here. */
  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public String toString() {
    return "RunningCaptureLogRecordProcessor{" + (RunningCapture.current().isPresent() ? "run in progress" : "no run") + "}";
  }
}
