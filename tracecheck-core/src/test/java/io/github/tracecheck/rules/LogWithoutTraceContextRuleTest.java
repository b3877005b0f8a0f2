package io.github.tracecheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.testing.RealSdk;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Log records from the real Logs SDK, emitted inside spans of the real tracer, with the MDC fields a
 * log line carries as attributes (as OpenTelemetry's Logback appender captures them).
 */
class LogWithoutTraceContextRuleTest {

  private final LogWithoutTraceContextRule rule = new LogWithoutTraceContextRule();

  private static void log(Logger logger, String body, String traceId, String spanId) {
    var builder = logger.logRecordBuilder().setBody(body);
    if (traceId != null) {
      builder.setAttribute(LogWithoutTraceContextRule.TRACE_ID, traceId);
    }
    if (spanId != null) {
      builder.setAttribute(LogWithoutTraceContextRule.SPAN_ID, spanId);
    }
    builder.emit();
  }

  private List<Finding> check(TraceForest forest) {
    return rule.check(forest, RuleOptions.defaults());
  }

  @Test
  void isOffByDefault() {
    assertThat(LogWithoutTraceContextRule.INFO.defaultMode()).isEqualTo(RuleMode.OFF);
  }

  @Test
  void aLineWithoutTraceIdInsideASpanIsFlagged() {
    try (RealSdk sdk = new RealSdk()) {
      Tracer tracer = sdk.tracer("order-worker");
      Logger logger = sdk.logger("order-worker");
      Span span = tracer.spanBuilder("process order").startSpan();
      try (Scope scope = span.makeCurrent()) {
        log(logger, "order stored", null, null);
      } finally {
        span.end();
      }

      TraceForest forest = sdk.snapshot();
      List<Finding> findings = check(forest);

      SpanNode node = forest.spans().get(0);
      assertThat(node.logRecords()).hasSize(1);
      assertThat(findings).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("log-without-trace-context");
        assertThat(f.span()).contains(node);
        assertThat(f.message()).isEqualTo("log record \"order stored\" written inside span \"process order\""
            + " (order-worker) carries no trace_id");
        assertThat(f.likelyCause()).contains("logback-mdc");
      });
    }
  }

  @Test
  void micrometersMdcKeysAreReadAsTheLinesIds() {
    try (RealSdk sdk = new RealSdk()) {
      Tracer tracer = sdk.tracer("checkout");
      Logger logger = sdk.logger("checkout");
      Span first = tracer.spanBuilder("http get /checkout").startSpan();
      try (Scope scope = first.makeCurrent()) {
        logger.logRecordBuilder().setBody("checkout of sku-1")
            .setAttribute(LogWithoutTraceContextRule.MICROMETER_TRACE_ID, first.getSpanContext().getTraceId())
            .setAttribute(LogWithoutTraceContextRule.MICROMETER_SPAN_ID, first.getSpanContext().getSpanId())
            .emit();
      } finally {
        first.end();
      }
      Span second = tracer.spanBuilder("http get /checkout").startSpan();
      try (Scope scope = second.makeCurrent()) {
        logger.logRecordBuilder().setBody("checkout of sku-2")
            .setAttribute(LogWithoutTraceContextRule.MICROMETER_TRACE_ID, first.getSpanContext().getTraceId())
            .setAttribute(LogWithoutTraceContextRule.MICROMETER_SPAN_ID, first.getSpanContext().getSpanId())
            .emit();
      } finally {
        second.end();
      }

      assertThat(check(sdk.snapshot())).singleElement().satisfies(f -> {
        assertThat(f.span().orElseThrow().spanId()).isEqualTo(second.getSpanContext().getSpanId());
        assertThat(f.message()).endsWith("carries trace_id " + first.getSpanContext().getTraceId() + " of another trace");
      });
    }
  }

  @Test
  void aStaleTraceIdFromAnotherRequestIsFlagged() {
    try (RealSdk sdk = new RealSdk()) {
      Tracer tracer = sdk.tracer("api-gateway");
      Logger logger = sdk.logger("api-gateway");
      Span first = tracer.spanBuilder("POST /checkout").startSpan();
      first.end();
      Span second = tracer.spanBuilder("POST /checkout").startSpan();
      try (Scope scope = second.makeCurrent()) {
        // the MDC still holds the first request's ids
        log(logger, "checkout accepted", first.getSpanContext().getTraceId(), first.getSpanContext().getSpanId());
      } finally {
        second.end();
      }

      List<Finding> findings = check(sdk.snapshot());

      assertThat(findings).singleElement().satisfies(f -> {
        assertThat(f.span().orElseThrow().spanId()).isEqualTo(second.getSpanContext().getSpanId());
        assertThat(f.message()).endsWith("carries trace_id " + first.getSpanContext().getTraceId() + " of another trace");
        assertThat(f.related()).extracting(SpanNode::spanId).containsExactly(first.getSpanContext().getSpanId());
        assertThat(f.likelyCause()).startsWith("a stale MDC");
      });
    }
  }

  @Test
  void theParentsSpanIdInsideAChildIsFlagged() {
    try (RealSdk sdk = new RealSdk()) {
      Tracer tracer = sdk.tracer("order-worker");
      Logger logger = sdk.logger("order-worker");
      Span parent = tracer.spanBuilder("process order").startSpan();
      try (Scope outer = parent.makeCurrent()) {
        Span child = tracer.spanBuilder("reserve stock").startSpan();
        try (Scope inner = child.makeCurrent()) {
          log(logger, "stock reserved", parent.getSpanContext().getTraceId(), parent.getSpanContext().getSpanId());
        } finally {
          child.end();
        }
      } finally {
        parent.end();
      }

      List<Finding> findings = check(sdk.snapshot());

      assertThat(findings).singleElement().satisfies(f -> assertThat(f.message())
          .endsWith("carries span_id " + parent.getSpanContext().getSpanId() + " instead of "
              + f.span().orElseThrow().spanId()));
    }
  }

  @Test
  void correlatedLinesAndLinesOutsideAnySpanAreNotFlagged() {
    try (RealSdk sdk = new RealSdk()) {
      Tracer tracer = sdk.tracer("order-worker");
      Logger logger = sdk.logger("order-worker");
      log(logger, "worker started", null, null); // no span current: nothing to correlate with
      Span parent = tracer.spanBuilder("process order").startSpan();
      try (Scope outer = parent.makeCurrent()) {
        log(logger, "order received", parent.getSpanContext().getTraceId(), parent.getSpanContext().getSpanId());
        Span child = tracer.spanBuilder("reserve stock").startSpan();
        try (Scope inner = child.makeCurrent()) {
          log(logger, "stock reserved", child.getSpanContext().getTraceId(), child.getSpanContext().getSpanId());
        } finally {
          child.end();
        }
      } finally {
        parent.end();
      }

      TraceForest forest = sdk.snapshot();

      assertThat(check(forest)).isEmpty();
      assertThat(forest.spans()).extracting(n -> n.logRecords().size()).containsExactly(1, 1);
    }
  }

  @Test
  void recordsOfSpansOutsideTheForestAreLeftOut() {
    try (RealSdk sdk = new RealSdk()) {
      Logger logger = sdk.logger("order-worker");
      Span unexported = sdk.tracer("order-worker").spanBuilder("never ended").startSpan();
      try (Scope scope = unexported.makeCurrent()) {
        log(logger, "inside an open span", null, null);
      }

      assertThat(check(sdk.snapshot())).isEmpty();
      unexported.end();
    }
  }
}
