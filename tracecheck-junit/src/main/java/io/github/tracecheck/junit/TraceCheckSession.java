package io.github.tracecheck.junit;

import io.github.tracecheck.capture.SpanCapture;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What {@link TraceCheckExtension} keeps for one test class: its settings and the SDKs exporting to
 * the run's capture. Unless tests run in parallel, the class's SDK is GlobalOpenTelemetry while it
 * runs, and whatever was set before is restored on close. Stored in the class's {@code
 * ExtensionContext.Store}, so JUnit closes it when the class is done.
 */
final class TraceCheckSession implements StoredResource {

  private final TraceCheckSettings settings;
  private final SpanCapture capture;
  private final ServiceTelemetry telemetry;
  // Annotations do not change while the class runs: resolve each test method's settings once.
  private final Map<Map.Entry<Class<?>, Method>, AfterTestChecks.ResolvedSettings> resolved =
      new ConcurrentHashMap<>();
  // Null when tests run in parallel (the run owns the global, not each class) or under the Java agent.
  private final GlobalSwap global;
  private boolean closed;

  TraceCheckSession(TraceCheckSettings settings, TraceCheckRun run) {
    this.settings = settings;
    this.capture = run.capture();
    this.telemetry = new ServiceTelemetry(capture, settings.resourceAttributes());
    // The Java agent ignores GlobalOpenTelemetry.set (warning twice): its spans come by the receiver.
    this.global = run.parallel() || JavaAgentExport.agentAttached() ? null : GlobalSwap.install(telemetry.main());
  }

  /**
   * The OpenTelemetry tests inject. Under the Java agent it is the agent's: the agent carries only
   * its own spans' context into the code it instruments, so the test's spans must be the agent's
   * too to share their traces (they reach the capture through the receiver).
   */
  OpenTelemetry openTelemetry() {
    return JavaAgentExport.agentAttached() ? GlobalOpenTelemetry.get() : telemetry.main();
  }

  ServiceTelemetry telemetry() {
    return telemetry;
  }

  TraceCheckSettings settings() {
    return settings;
  }

  SpanCapture capture() {
    return capture;
  }

  AfterTestChecks.ResolvedSettings resolved(
      ExtensionContext context, Supplier<AfterTestChecks.ResolvedSettings> resolve) {
    // The test class matters too: an inherited test method runs in each subclass.
    Map.Entry<Class<?>, Method> key = Map.entry(context.getRequiredTestClass(), context.getRequiredTestMethod());
    return resolved.computeIfAbsent(key, k -> resolve.get());
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    telemetry.close();
    if (global != null) {
      global.close();
    }
  }
}
