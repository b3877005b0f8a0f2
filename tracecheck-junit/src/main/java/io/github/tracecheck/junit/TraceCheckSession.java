package io.github.tracecheck.junit;

import io.github.tracecheck.capture.SpanCapture;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;

/**
 * What {@link TraceCheckExtension} keeps for one test class: the capture, the SDKs exporting to it,
 * and the GlobalOpenTelemetry that was set before, restored on close. Stored in the class's
 * {@code ExtensionContext.Store}, so JUnit closes it when the class is done.
 */
final class TraceCheckSession implements AutoCloseable {

  private final TraceCheckSettings settings;
  private final SpanCapture capture;
  private final ServiceTelemetry telemetry;
  private final CapturedTraces traces;
  private final OpenTelemetry previousGlobal;
  private boolean closed;

  TraceCheckSession(TraceCheckSettings settings) {
    this.settings = settings;
    this.capture = new SpanCapture(settings.captureStackTraces());
    this.telemetry = new ServiceTelemetry(capture, settings.resourceAttributes());
    this.traces = new CapturedTraces(capture, telemetry, settings.awaitTimeout());
    this.previousGlobal = GlobalOpenTelemetry.isSet() ? GlobalOpenTelemetry.get() : null;
    GlobalOpenTelemetry.resetForTest();
    GlobalOpenTelemetry.set(telemetry.main());
  }

  OpenTelemetry openTelemetry() {
    return telemetry.main();
  }

  CapturedTraces traces() {
    return traces;
  }

  TraceCheckSettings settings() {
    return settings;
  }

  SpanCapture capture() {
    return capture;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    telemetry.close();
    GlobalOpenTelemetry.resetForTest();
    if (previousGlobal != null) {
      GlobalOpenTelemetry.set(previousGlobal);
    }
  }
}
