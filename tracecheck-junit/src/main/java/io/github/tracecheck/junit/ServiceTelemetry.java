package io.github.tracecheck.junit;

import io.github.tracecheck.capture.CapturedMetrics;
import io.github.tracecheck.capture.MetricCapture;
import io.github.tracecheck.capture.SpanCapture;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Builds the {@link OpenTelemetrySdk}s of a test class: the main one (set as GlobalOpenTelemetry)
 * and one per service name for multi-service tests, all exporting spans and log records to the same capture
 * (metrics are read on demand, with their exemplars), all with
 * W3C trace-context and baggage propagators. Closes them all.
 */
final class ServiceTelemetry implements AutoCloseable {

  static final ContextPropagators W3C_PROPAGATORS =
      ContextPropagators.create(
          TextMapPropagator.composite(
              W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance()));

  private final SpanCapture capture;
  private final Attributes resourceAttributes;
  private final OpenTelemetrySdk main;
  private final Map<String, OpenTelemetrySdk> byService = new ConcurrentHashMap<>();
  private final List<MetricCapture> metricReaders = new CopyOnWriteArrayList<>();

  ServiceTelemetry(SpanCapture capture, Attributes resourceAttributes) {
    this.capture = capture;
    this.resourceAttributes = resourceAttributes;
    this.main = build(resourceAttributes);
  }

  OpenTelemetrySdk main() {
    return main;
  }

  OpenTelemetry forService(String serviceName) {
    return byService.computeIfAbsent(
        serviceName,
        name -> build(resourceAttributes.toBuilder().put("service.name", name).build()));
  }

  private OpenTelemetrySdk build(Attributes attributes) {
    Resource resource = Resource.getDefault().merge(Resource.create(attributes));
    SdkTracerProvider tracerProvider =
        SdkTracerProvider.builder()
            .setResource(resource)
            .addSpanProcessor(capture)
            .build();
    // log records join the spans current when they were emitted (SpanNode.logRecords)
    SdkLoggerProvider loggerProvider =
        SdkLoggerProvider.builder().setResource(resource).addLogRecordProcessor(capture.logs()).build();
    // Measurements made inside a sampled span keep it as an exemplar: the trace-based filter is the
    // SDK's default (and setting it by API only became public after 1.49).
    MetricCapture metrics = new MetricCapture();
    metricReaders.add(metrics);
    SdkMeterProvider meterProvider =
        SdkMeterProvider.builder().setResource(resource).registerMetricReader(metrics).build();
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracerProvider)
        .setLoggerProvider(loggerProvider)
        .setMeterProvider(meterProvider)
        .setPropagators(W3C_PROPAGATORS)
        .build();
  }

  /** The metrics recorded so far by every SDK of the class. */
  CapturedMetrics metrics() {
    List<MetricData> all = new ArrayList<>();
    for (MetricCapture reader : metricReaders) {
      all.addAll(reader.collect());
    }
    return new CapturedMetrics(all);
  }

  @Override
  public void close() {
    List<OpenTelemetrySdk> all = new ArrayList<>(byService.values());
    all.add(main);
    for (OpenTelemetrySdk sdk : all) {
      // Shutting down each provider also shuts the shared capture down; that is harmless.
      sdk.getSdkTracerProvider().shutdown();
      sdk.getSdkLoggerProvider().shutdown();
      sdk.getSdkMeterProvider().shutdown();
    }
  }
}
