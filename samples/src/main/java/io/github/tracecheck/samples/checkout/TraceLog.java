package io.github.tracecheck.samples.checkout;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The services' log: every line carries the trace_id and span_id of the span current when it was
 * written, as OpenTelemetry's Logback MDC instrumentation would put them in the MDC, and is also
 * emitted as a log record through the OpenTelemetry Logs API with those fields as attributes, as
 * OpenTelemetry's Logback appender does with {@code captureMdcAttributes}.
 */
public final class TraceLog {

  private static final AttributeKey<String> TRACE_ID = AttributeKey.stringKey("trace_id");
  private static final AttributeKey<String> SPAN_ID = AttributeKey.stringKey("span_id");

  private final String service;
  private final Logger logger;
  private final boolean correlated;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  /** @param correlated false for the logging setup without the MDC instrumentation */
  public TraceLog(String service, OpenTelemetry openTelemetry, boolean correlated) {
    this.service = service;
    this.logger = openTelemetry.getLogsBridge().get(service);
    this.correlated = correlated;
  }

  void info(String message) {
    SpanContext span = Span.current().getSpanContext();
    boolean ids = correlated && span.isValid();
    String line = service + " trace_id=" + (ids ? span.getTraceId() : "-") + " span_id="
        + (ids ? span.getSpanId() : "-") + " " + message;
    lines.add(line);
    LogRecordBuilder record = logger.logRecordBuilder().setBody(message);
    if (ids) {
      record.setAttribute(TRACE_ID, span.getTraceId()).setAttribute(SPAN_ID, span.getSpanId());
    }
    record.emit();
  }

  /** The lines written so far. */
  public List<String> lines() {
    return List.copyOf(lines);
  }
}
