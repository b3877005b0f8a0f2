package io.github.tracecheck.testing;

import io.github.tracecheck.capture.SpanCapture;
import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real OpenTelemetry SDK exporting to a {@link SpanCapture}, with one tracer provider per
 * service name: what a rule sees in a test is what the SDK produced. Its clock ({@link
 * OneReadingClock}) times every trace without the anchoring error of the system clock, so that
 * shapes judged on time across traces do not depend on the scheduler.
 */
public final class RealSdk implements AutoCloseable {

  // Shared, so that spans of different services (providers) are timed on one clock too.
  private static final OneReadingClock CLOCK = new OneReadingClock();

  private final SpanCapture capture;
  private final List<SdkTracerProvider> providers = new ArrayList<>();
  private final List<SdkLoggerProvider> loggerProviders = new ArrayList<>();
  private Object test;

  public RealSdk() {
    this(false);
  }

  public RealSdk(boolean captureStackTraces) {
    this.capture = new SpanCapture(captureStackTraces);
  }

  public Tracer tracer(String serviceName) {
    return tracer(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), serviceName)), "test", null);
  }

  /** A tracer of its own provider, for spans with the given resource and instrumentation scope. */
  public Tracer tracer(Resource resource, String scopeName, String scopeVersion) {
    SdkTracerProvider provider =
        SdkTracerProvider.builder().setClock(CLOCK).setResource(resource).addSpanProcessor(capture).build();
    providers.add(provider);
    return scopeVersion == null
        ? provider.get(scopeName)
        : provider.tracerBuilder(scopeName).setInstrumentationVersion(scopeVersion).build();
  }

  /** A logger of the Logs SDK whose records the capture attaches to the spans current at emission. */
  public Logger logger(String serviceName) {
    SdkLoggerProvider provider = SdkLoggerProvider.builder()
        .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), serviceName)))
        .addLogRecordProcessor(capture.logs()).build();
    loggerProviders.add(provider);
    return provider.get("test");
  }

  /**
   * Makes the calling thread a test's own thread, as {@code @TraceCheck} does before each test:
   * roots started on it are the test acting as a client. The snapshot then shows that test's spans.
   */
  public void beginTest() {
    test = "test on " + Thread.currentThread().getName();
    capture.beginTest(test, false, SpanCapture.DEFAULT_MAX_SPANS);
  }

  public TraceForest snapshot() {
    return test == null ? capture.snapshot() : capture.snapshot(test);
  }

  /** Waits, on the capture's own signal, until a span of this name has ended (at most 10 s). */
  public void awaitEnded(String spanName) throws InterruptedException {
    boolean ended = capture.await(
        () -> (test == null ? capture.endedSpans() : capture.endedSpans(test)).stream()
            .anyMatch(span -> span.getName().equals(spanName)),
        Duration.ofSeconds(10));
    if (!ended) {
      throw new AssertionError("no span \"" + spanName + "\" ended within 10 s");
    }
  }

  /** Every span the capture saw start, ended or not, as {@code ContextLeakProbe} takes them. */
  public List<SpanStart> startedSpans() {
    return capture.startedSpans();
  }

  @Override
  public void close() {
    providers.forEach(SdkTracerProvider::close);
    loggerProviders.forEach(SdkLoggerProvider::close);
  }
}
