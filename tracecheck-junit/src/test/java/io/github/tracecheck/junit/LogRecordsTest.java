package io.github.tracecheck.junit;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.rules.LogWithoutTraceContextRule;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The Logs SDK of {@code @TraceCheck}: records emitted through it join the span current when they
 * were emitted, for {@code hasLogs} and the {@code log-without-trace-context} rule.
 */
@TraceCheck
class LogRecordsTest {

  private static void logIn(Span span, Logger logger, String body, boolean correlated) {
    try (Scope scope = span.makeCurrent()) {
      var record = logger.logRecordBuilder().setBody(body);
      if (correlated) {
        record.setAttribute(LogWithoutTraceContextRule.TRACE_ID, span.getSpanContext().getTraceId())
            .setAttribute(LogWithoutTraceContextRule.SPAN_ID, span.getSpanContext().getSpanId());
      }
      record.emit();
    }
  }

  private static void processOrder(OpenTelemetry openTelemetry, Tracer tracer, boolean correlated) {
    Span span = tracer.spanBuilder("process order").startSpan();
    logIn(span, openTelemetry.getLogsBridge().get("orders"), "order stored", correlated);
    span.end();
  }

  @Test
  void recordsJoinTheSpanTheyWereEmittedIn(OpenTelemetry openTelemetry, Tracer tracer, CapturedTraces traces) {
    Logger logger = openTelemetry.getLogsBridge().get("orders");
    Span order = tracer.spanBuilder("process order").startSpan();
    logIn(order, logger, "order received", true);
    Span stock = tracer.spanBuilder("reserve stock").setParent(io.opentelemetry.context.Context.current().with(order))
        .startSpan();
    logIn(stock, logger, "stock reserved", true);
    stock.end();
    logIn(order, logger, "order stored", true);
    order.end();
    logger.logRecordBuilder().setBody("outside any span").emit();

    SpanNode root = traces.snapshot().traces().get(0).firstRoot();

    assertThat(root).hasLogs("order received", "order stored");
    assertThat(root.children().get(0)).hasLogs("stock reserved");
    assertThatThrownBy(() -> assertThat(root).hasNoLogs())
        .hasMessageContaining("to have no logs")
        .hasMessageContaining("[order received, order stored]");
    assertThatThrownBy(() -> assertThat(root).hasLogs("order stored", "order received"))
        .hasMessageContaining("to have logs:");
  }

  @TraceCheck
  @TraceCheckRule(name = LogWithoutTraceContextRule.NAME, mode = GateMode.FAIL)
  static class UncorrelatedLog {
    @Test
    void logsInsideASpanWithoutTraceId(OpenTelemetry openTelemetry, Tracer tracer) {
      processOrder(openTelemetry, tracer, false);
    }

    @Test
    void logsInsideASpanWithItsIds(OpenTelemetry openTelemetry, Tracer tracer) {
      processOrder(openTelemetry, tracer, true);
    }
  }

  @TraceCheck
  static class UncorrelatedLogRuleOff {
    @Test
    void logsInsideASpanWithoutTraceId(OpenTelemetry openTelemetry, Tracer tracer) {
      processOrder(openTelemetry, tracer, false);
    }
  }

  @Test
  void theGateFailsAnUncorrelatedLogLineWhenTheRuleIsOn() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(UncorrelatedLog.class)).execute()
        .testEvents().assertStatistics(s -> s.failed(1).succeeded(1));
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(UncorrelatedLogRuleOff.class)).execute()
        .testEvents().assertStatistics(s -> s.succeeded(1));
  }
}
