/**
 * An OTLP receiver for tests: {@link io.github.tracecheck.receiver.OtlpReceiver} accepts OTLP/HTTP
 * (protobuf and JSON, gzip) on {@code /v1/traces} and OTLP/gRPC {@code TraceService/Export} on
 * 127.0.0.1, and hands each request's spans, as SDK {@code SpanData}, to a sink such as the run's
 * {@code SpanCapture}. {@link io.github.tracecheck.receiver.OtlpProtoSpans} converts OTLP protobuf
 * messages to {@code SpanData} for any other reader of OTLP protobuf (e.g. the Collector's {@code
 * format: proto} files).
 */
package io.github.tracecheck.receiver;
