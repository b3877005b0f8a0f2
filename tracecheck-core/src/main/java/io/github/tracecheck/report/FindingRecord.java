package io.github.tracecheck.report;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.RuleMode;
import java.util.Objects;

/**
 * One finding as the machine-readable reports ({@code findings.json}, SARIF) hold it: plain, masked
 * values that outlive the forest, so that the files of several JVMs can be merged.
 *
 * @param level {@code error} for a rule that fails, {@code warning} for one that warns
 * @param traceId "" when the finding is about no span
 * @param spanId "" when the finding is about no span
 * @param source where the span was started, or null when unknown
 * @param test the test the finding is about ("Class > method"), or null outside tests
 */
public record FindingRecord(
    String rule,
    String level,
    String message,
    String likelyCause,
    String traceId,
    String spanId,
    String spanName,
    String service,
    SourceSite source,
    String test) {

  public FindingRecord {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(likelyCause, "likelyCause");
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(spanId, "spanId");
    Objects.requireNonNull(spanName, "spanName");
    Objects.requireNonNull(service, "service");
  }

  /** The finding, masked, with the span's start site when the capture or its attributes know it. */
  public static FindingRecord of(Finding finding, TraceForest forest, RuleMode mode, String test) {
    SpanNode span = finding.span().orElse(null);
    String traceId = span != null ? span.traceId()
        : finding.openSpan().map(open -> open.spanContext().getTraceId()).orElse("");
    String spanId = span != null ? span.spanId()
        : finding.openSpan().map(open -> open.spanContext().getSpanId()).orElse("");
    return new FindingRecord(
        finding.rule(),
        level(mode),
        Masking.redact(finding.message()),
        Masking.redact(finding.likelyCause()),
        traceId,
        spanId,
        Masking.redact(finding.spanName()),
        span == null ? "" : Masking.redact(span.serviceName()),
        span == null ? null : SourceSite.of(span, forest).orElse(null),
        test);
  }

  /** This finding, located at {@code fallback} when its span's start site is unknown. */
  public FindingRecord orAt(SourceSite fallback) {
    return source != null ? this
        : new FindingRecord(rule, level, message, likelyCause, traceId, spanId, spanName, service, fallback, test);
  }

  /** SARIF's level for a rule's mode: a failing rule is an error, a warning one a warning. */
  public static String level(RuleMode mode) {
    return switch (mode) {
      case FAIL -> "error";
      case WARN -> "warning";
      case OFF -> "none";
    };
  }

  /** The first line of the finding, as the gate and the command line print it. */
  public String summary() {
    return "[" + rule + "] " + message;
  }
}
