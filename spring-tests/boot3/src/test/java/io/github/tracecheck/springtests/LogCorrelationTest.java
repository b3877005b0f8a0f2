package io.github.tracecheck.springtests;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.GateMode;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.junit.TraceCheckRule;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.LogWithoutTraceContextRule;
import io.github.tracecheck.rules.Rules;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;

/**
 * The application's log lines, through OpenTelemetry's Logback appender into its SDK and from there
 * to the capture, with {@code log-without-trace-context} on: each line must carry the ids of the
 * span it was written in, which in a Spring Boot application are Micrometer Tracing's MDC entries.
 */
class LogCorrelationTest {

  private static SpanNode checkoutServerSpan(CapturedTraces traces) {
    TraceForest forest = traces.awaitAllEnded();
    return forest.spans().stream()
        .filter(span -> span.kind() == SpanKind.SERVER && span.name().equals("http get /checkout"))
        .findFirst().orElseThrow();
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
  @Import(LogbackToOpenTelemetry.class)
  @TraceCheck
  @TraceCheckRule(name = LogWithoutTraceContextRule.NAME, mode = GateMode.FAIL)
  class MdcCaptured {

    @Autowired TestRestTemplate http;

    @Test
    void theCheckoutsLogLineCarriesItsSpansIds(CapturedTraces traces) {
      http.getForObject("/checkout?sku=sku-42", String.class);

      SpanNode checkout = checkoutServerSpan(traces);
      assertThat(checkout).hasLogs("checkout of sku-42");
      LogRecordData line = checkout.logRecords().get(0);
      assertThat(line.getAttributes().get(LogWithoutTraceContextRule.MICROMETER_TRACE_ID)).isEqualTo(checkout.traceId());
      assertThat(line.getAttributes().get(LogWithoutTraceContextRule.MICROMETER_SPAN_ID)).isEqualTo(checkout.spanId());
      // ...and the gate, with the rule set to fail, passes.
    }
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "checkout.log.capture-mdc=")
  @Import(LogbackToOpenTelemetry.class)
  @TraceCheck
  class MdcNotCaptured {

    @Autowired TestRestTemplate http;

    @Test
    @TraceCheckRule(name = LogWithoutTraceContextRule.NAME, mode = GateMode.OFF)
    void theLineIsReportedAsUncorrelated(CapturedTraces traces) {
      http.getForObject("/checkout?sku=sku-42", String.class);

      SpanNode checkout = checkoutServerSpan(traces);
      assertThat(checkout).hasLogs("checkout of sku-42");
      assertThat(Rules.check(traces.awaitAllEnded()).stream()
              .filter(f -> f.rule().equals(LogWithoutTraceContextRule.NAME)).map(Finding::summary))
          .containsExactly("[log-without-trace-context] log record \"checkout of sku-42\" written inside span"
              + " \"http get /checkout\" (checkout) carries no trace_id\n"
              + "  likely cause: the log line is not correlated: install OpenTelemetry's logback-mdc appender (or put"
              + " trace_id and span_id into the MDC) and capture the MDC in the OpenTelemetry appender");
    }
  }
}
