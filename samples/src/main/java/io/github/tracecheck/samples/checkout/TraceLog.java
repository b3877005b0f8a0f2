package io.github.tracecheck.samples.checkout;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Span;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The services' log: every line carries the trace_id and span_id of the span current when it was
 * written, as OpenTelemetry's Logback MDC instrumentation would put them in the MDC.
 */
public final class TraceLog {

  private final String service;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  public TraceLog(String service) {
    this.service = service;
  }

  void info(String message) {
    SpanContext span = Span.current().getSpanContext();
    String line = service + " trace_id=" + (span.isValid() ? span.getTraceId() : "-") + " span_id="
        + (span.isValid() ? span.getSpanId() : "-") + " " + message;
    lines.add(line);
  }

  /** The lines written so far. */
  public List<String> lines() {
    return List.copyOf(lines);
  }
}
