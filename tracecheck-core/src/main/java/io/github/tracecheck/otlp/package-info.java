/**
 * OTLP JSON files, both ways: {@link io.github.tracecheck.otlp.OtlpJsonWriter} writes captured spans
 * as the Collector's file exporter does, {@link io.github.tracecheck.otlp.OtlpJsonReader} reads such
 * files (one document, or one per line) back into {@code SpanData};
 * {@link io.github.tracecheck.otlp.OtlpProtoSpans} converts OTLP protobuf messages (the receiver's
 * requests) and {@link io.github.tracecheck.otlp.OtlpProtoReader} reads the Collector's {@code
 * format: proto} files with it; {@link io.github.tracecheck.otlp.OtlpFiles} reads the files and
 * standard input a command line names, JSON or protobuf. Spans from another process or a staging
 * run thereby meet the same forest and rules as spans captured in a test. JSON is streamed as
 * tokens with jackson-core, protobuf one message at a time.
 */
package io.github.tracecheck.otlp;
