package io.github.tracecheck.testing;

import io.github.tracecheck.capture.SpanCapture;
import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * The real OpenTelemetry SDK exporting to a {@link SpanCapture}, with one tracer provider per
 * service name: what a rule sees in a test is what the SDK produced.
 */
public final class RealSdk implements AutoCloseable {

  private final SpanCapture capture;
  private final List<SdkTracerProvider> providers = new ArrayList<>();

  public RealSdk() {
    this(false);
  }

  public RealSdk(boolean captureStackTraces) {
    this.capture = new SpanCapture(captureStackTraces);
  }

  public Tracer tracer(String serviceName) {
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), serviceName)))
            .addSpanProcessor(capture)
            .build();
    providers.add(provider);
    return provider.get("test");
  }

  public TraceForest snapshot() {
    return capture.snapshot();
  }

  /** Every span the capture saw start, ended or not, as {@code ContextLeakProbe} takes them. */
  public List<SpanStart> startedSpans() {
    return capture.startedSpans();
  }

  @Override
  public void close() {
    providers.forEach(SdkTracerProvider::close);
  }
}
