package io.github.tracecheck.samples.checkout;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.GateMode;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.junit.TraceCheckRule;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.LogWithoutTraceContextRule;
import io.github.tracecheck.rules.RuleOptions;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Logback through OpenTelemetry's instrumentation: the appender ({@code
 * opentelemetry-logback-appender-1.0}, MDC captured with {@code mdcAttributesIncluded}) sends each event to the Logs SDK of
 * {@code @TraceCheck}, and the MDC instrumentation ({@code opentelemetry-logback-mdc-1.0}) puts
 * trace_id and span_id into the event's MDC. Without the MDC instrumentation the line carries no
 * trace id, and {@code log-without-trace-context} says so.
 */
@TraceCheck
@TraceCheckRule(name = LogWithoutTraceContextRule.NAME, mode = GateMode.FAIL)
class LogbackCorrelationTest {

  /** A Logback logger of its own context, wired as a service would configure it in logback.xml. */
  private static ch.qos.logback.classic.Logger logback(OpenTelemetry openTelemetry, boolean mdcInstrumentation) {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter()); // as Logback's SLF4J provider does for its own context
    var toOpenTelemetry = new io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender();
    toOpenTelemetry.setContext(context);
    toOpenTelemetry.setOpenTelemetry(openTelemetry);
    toOpenTelemetry.setMdcAttributesIncluded("*");
    toOpenTelemetry.start();
    Appender<ILoggingEvent> appender = toOpenTelemetry;
    if (mdcInstrumentation) {
      var mdc = new io.opentelemetry.instrumentation.logback.mdc.v1_0.OpenTelemetryAppender();
      mdc.setContext(context);
      mdc.addAppender(toOpenTelemetry);
      mdc.start();
      appender = mdc;
    }
    ch.qos.logback.classic.Logger logger = context.getLogger("order-worker");
    logger.setLevel(Level.INFO);
    logger.setAdditive(false);
    logger.addAppender(appender);
    return logger;
  }

  private static void processOrder(Tracer tracer, ch.qos.logback.classic.Logger log) {
    Span span = tracer.spanBuilder("process order").startSpan();
    try (Scope scope = span.makeCurrent()) {
      log.info("order stored for alice");
    } finally {
      span.end();
    }
  }

  @Test
  void theMdcInstrumentationPutsTheSpansIdsOnEveryLine(OpenTelemetry openTelemetry, Tracer tracer, CapturedTraces traces) {
    processOrder(tracer, logback(openTelemetry, true));

    SpanNode span = traces.snapshot().traces().get(0).firstRoot();

    assertThat(span).hasLogs("order stored for alice");
    LogRecordData record = span.logRecords().get(0);
    assertThat(record.getAttributes().get(LogWithoutTraceContextRule.TRACE_ID)).isEqualTo(span.traceId());
    assertThat(record.getAttributes().get(LogWithoutTraceContextRule.SPAN_ID)).isEqualTo(span.spanId());
  }

  @Test
  @TraceCheckRule(name = LogWithoutTraceContextRule.NAME, mode = GateMode.WARN) // the broken setup, shown as a warning
  void withoutTheMdcInstrumentationTheLineHasNoTraceId(OpenTelemetry openTelemetry, Tracer tracer,
      CapturedTraces traces) {
    processOrder(tracer, logback(openTelemetry, false));

    List<Finding> findings = new LogWithoutTraceContextRule().check(traces.snapshot(), RuleOptions.defaults());

    assertThat(findings).extracting(Finding::message).containsExactly(
        "log record \"order stored for alice\" written inside span \"process order\" (LogbackCorrelationTest)"
            + " carries no trace_id");
  }
}
