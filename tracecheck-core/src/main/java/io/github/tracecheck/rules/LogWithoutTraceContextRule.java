package io.github.tracecheck.rules;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.rules.internal.SpanDescriptions;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports log records emitted while a span was current whose line carries no trace context, or
 * another span's: the {@code trace_id} and {@code span_id} fields that correlate a text or JSON
 * log line with its trace (written into the MDC by OpenTelemetry's {@code logback-mdc}
 * instrumentation and captured as attributes by its Logback appender with {@code
 * mdcAttributesIncluded}), or Micrometer Tracing's {@code traceId} and {@code spanId} (the MDC keys
 * of a Spring Boot application). The span current at emission is the record's own span context, set
 * by the Logs SDK; records emitted with no span current are not judged.
 *
 * <p>Off by default: it needs the logging setup (the Logs SDK fed by the appender, MDC captured),
 * without which every record would look uncorrelated. Turn it on where that setup exists.
 */
public final class LogWithoutTraceContextRule implements Rule {

  public static final String NAME = "log-without-trace-context";

  /** The attribute carrying the log line's trace id (the MDC key of OpenTelemetry's logback-mdc). */
  public static final AttributeKey<String> TRACE_ID = AttributeKey.stringKey("trace_id");

  /** The attribute carrying the log line's span id. */
  public static final AttributeKey<String> SPAN_ID = AttributeKey.stringKey("span_id");

  /** The trace id as Micrometer Tracing writes it into the MDC (Spring Boot), read when {@link #TRACE_ID} is absent. */
  public static final AttributeKey<String> MICROMETER_TRACE_ID = AttributeKey.stringKey("traceId");

  /** The span id as Micrometer Tracing writes it into the MDC, read with {@link #MICROMETER_TRACE_ID}. */
  public static final AttributeKey<String> MICROMETER_SPAN_ID = AttributeKey.stringKey("spanId");

  public static final RuleInfo INFO =
      RuleInfo.of(NAME, "a log line written inside a span without that span's trace_id and span_id", RuleMode.OFF)
          .withConventions(
              "OpenTelemetry Logs SDK: a record's span context is the context current when it was emitted",
              "OpenTelemetry logback-mdc instrumentation: MDC keys trace_id and span_id",
              "Micrometer Tracing (Spring Boot): MDC keys traceId and spanId",
              "OpenTelemetry Logback appender: mdcAttributesIncluded copies MDC entries into record attributes");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(TraceForest forest, RuleOptions options) {
    List<Finding> findings = new ArrayList<>();
    List<Trace> traces = forest.traces();
    for (int t = 0; t < traces.size(); t++) {
      List<SpanNode> spans = traces.get(t).spans();
      for (int s = 0; s < spans.size(); s++) {
        SpanNode span = spans.get(s);
        if (span.logRecords().isEmpty()) {
          continue; // most spans: no iterator is made for them
        }
        checkLogRecords(span, forest, findings);
      }
    }
    return findings;
  }

  /** Judges the log lines written inside the span. */
  private static void checkLogRecords(SpanNode span, TraceForest forest, List<Finding> findings) {
    for (LogRecordData record : span.logRecords()) {
      // The line's own ids: OpenTelemetry's names, else Micrometer's (never one of each).
      boolean micrometer = record.getAttributes().get(TRACE_ID) == null
          && record.getAttributes().get(MICROMETER_TRACE_ID) != null;
      String traceId = record.getAttributes().get(micrometer ? MICROMETER_TRACE_ID : TRACE_ID);
      String spanId = record.getAttributes().get(micrometer ? MICROMETER_SPAN_ID : SPAN_ID);
      String line = "log record " + quote(record) + " written inside span " + SpanDescriptions.describe(span);
      if (traceId == null || traceId.isEmpty()) {
        findings.add(Finding.about(NAME, span, List.of(), line + " carries no trace_id",
            "the log line is not correlated: install OpenTelemetry's logback-mdc appender (or put trace_id and"
                + " span_id into the MDC) and capture the MDC in the OpenTelemetry appender"));
      } else if (!traceId.equals(span.traceId())) {
        findings.add(Finding.about(NAME, span, related(forest, traceId, spanId),
            line + " carries trace_id " + traceId + " of another trace",
            "a stale MDC: trace_id was put into the MDC by hand and not cleared when the thread moved to the"
                + " next request; let the logback-mdc instrumentation write it from the current context"));
      } else if (!span.spanId().equals(spanId)) {
        findings.add(Finding.about(NAME, span, related(forest, traceId, spanId),
            line + " carries span_id " + (spanId == null || spanId.isEmpty() ? "(none)" : spanId)
                + " instead of " + span.spanId(),
            "the MDC was filled once per request (or per trace) rather than from the span current at each"
                + " log call"));
      }
    }
  }

  private static List<SpanNode> related(TraceForest forest, String traceId, String spanId) {
    return forest.trace(traceId).flatMap(t -> t.span(spanId == null ? "" : spanId)).map(List::of).orElse(List.of());
  }

  private static String quote(LogRecordData record) {
    String body = record.getBodyValue() == null ? "" : record.getBodyValue().asString();
    if (body.length() > 80) {
      body = body.substring(0, 77) + "...";
    }
    return "\"" + Masking.redact(body) + "\"";
  }
}
