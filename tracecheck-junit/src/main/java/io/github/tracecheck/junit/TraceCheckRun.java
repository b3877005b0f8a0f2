package io.github.tracecheck.junit;

import io.github.tracecheck.capture.SpanCapture;
import io.github.tracecheck.junit.internal.RunningCapture;
import io.opentelemetry.api.common.Attributes;

/**
 * What a run of {@link TraceCheck} tests shares: one capture, which attributes spans to tests (so
 * that tests may run in parallel), and - when they do - one GlobalOpenTelemetry for the whole run.
 * Kept in the root context's store and closed when the run ends.
 */
final class TraceCheckRun implements StoredResource {

  static final String PARALLEL = "junit.jupiter.execution.parallel.enabled";

  private final SpanCapture capture = new SpanCapture(false);
  private final boolean parallel;
  private final ServiceTelemetry runTelemetry;
  private final GlobalSwap global;

  TraceCheckRun(boolean parallel) {
    this.parallel = parallel;
    RunningCapture.started(capture);
    if (parallel) {
      // One global for every class running at once; each class still injects its own SDK.
      this.runTelemetry = new ServiceTelemetry(capture, Attributes.builder().put("service.name", "tracecheck").build());
      this.global = GlobalSwap.install(runTelemetry.main());
    } else {
      this.runTelemetry = null;
      this.global = null;
    }
  }

  SpanCapture capture() {
    return capture;
  }

  /** Whether JUnit runs tests in parallel: then classes do not set GlobalOpenTelemetry each. */
  boolean parallel() {
    return parallel;
  }

  @Override
  public void close() {
    RunningCapture.ended(capture);
    if (runTelemetry != null) {
      runTelemetry.close();
      global.close();
    }
  }
}
