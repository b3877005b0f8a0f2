package io.github.tracecheck.receiver;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.concurrent.TimeUnit;

/**
 * A sender as another process would have it: a real SDK whose OTLP exporter (HTTP protobuf or gRPC,
 * optionally gzip) points at the receiver, behind a batch processor that queues every span.
 */
final class RemoteSdk implements AutoCloseable {

  private final SdkTracerProvider provider;

  private RemoteSdk(SpanExporter exporter, String serviceName, int queueSize) {
    this.provider = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.builder().put("service.name", serviceName).build()))
        .addSpanProcessor(BatchSpanProcessor.builder(exporter).setMaxQueueSize(queueSize).setMaxExportBatchSize(512).build())
        .build();
  }

  static RemoteSdk http(OtlpEndpoints endpoints, String serviceName, boolean gzip, int queueSize) {
    return new RemoteSdk(OtlpHttpSpanExporter.builder()
        .setEndpoint(endpoints.http() + "/v1/traces")
        .setCompression(gzip ? "gzip" : "none")
        .build(), serviceName, queueSize);
  }

  static RemoteSdk grpc(OtlpEndpoints endpoints, String serviceName, boolean gzip, int queueSize) {
    return new RemoteSdk(OtlpGrpcSpanExporter.builder()
        .setEndpoint(endpoints.grpc().toString())
        .setCompression(gzip ? "gzip" : "none")
        .build(), serviceName, queueSize);
  }

  Tracer tracer() {
    return provider.get("remote");
  }

  /** Exports everything queued; true when the exporter succeeded within the timeout. */
  boolean flush() {
    CompletableResultCode result = provider.forceFlush().join(30, TimeUnit.SECONDS);
    return result.isSuccess();
  }

  @Override
  public void close() {
    provider.close();
  }
}
