/**
 * An OTLP receiver for tests: {@link io.github.tracecheck.receiver.OtlpReceiver} accepts OTLP/HTTP
 * (protobuf and JSON, gzip) on {@code /v1/traces} and OTLP/gRPC {@code TraceService/Export} on
 * 127.0.0.1, and hands each request's spans, as SDK {@code SpanData}, to a sink such as the run's
 * {@code SpanCapture}. The protobuf messages are converted to {@code SpanData} by the core's
 * {@link io.github.tracecheck.otlp.OtlpProtoSpans}, which the command line's protobuf files share.
 */
package io.github.tracecheck.receiver;
