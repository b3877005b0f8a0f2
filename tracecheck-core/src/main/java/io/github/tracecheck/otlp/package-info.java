/**
 * OTLP JSON files, both ways: {@link io.github.tracecheck.otlp.OtlpJsonWriter} writes captured spans
 * as the Collector's file exporter does, {@link io.github.tracecheck.otlp.OtlpJsonReader} reads such
 * files (one document, or one per line) back into {@code SpanData}, and
 * {@link io.github.tracecheck.otlp.OtlpFiles} reads the files and standard input a command line
 * names. Spans from another process or a staging run thereby meet the same forest and rules as
 * spans captured in a test. Both directions stream JSON tokens with jackson-core.
 */
package io.github.tracecheck.otlp;
