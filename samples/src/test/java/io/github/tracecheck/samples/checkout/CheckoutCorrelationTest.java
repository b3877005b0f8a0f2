package io.github.tracecheck.samples.checkout;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.capture.CapturedMetrics;
import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.GateMode;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.junit.TraceCheckRule;
import io.github.tracecheck.kafka.KafkaBroker;
import io.github.tracecheck.kafka.KafkaTestBroker;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.LogWithoutTraceContextRule;
import io.github.tracecheck.rules.RuleOptions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Logs and metrics tied to the checkout's traces: every log line written inside a span carries its
 * ids (the rule is on for this class), and the order's price histogram has exemplars leading to
 * "process order". The broken flows lose them.
 */
@TraceCheck
@KafkaBroker
@TraceCheckRule(name = LogWithoutTraceContextRule.NAME, mode = GateMode.FAIL)
class CheckoutCorrelationTest {

  private static TraceForest checkout(KafkaTestBroker kafka, CapturedTraces traces, Set<Bug> bugs) throws Exception {
    String topic = kafka.createTopic("orders");
    try (CheckoutSystem system = new CheckoutSystem(traces::openTelemetryFor, kafka.bootstrapServers(), topic, bugs)) {
      assertThat(new Storefront(traces.openTelemetryFor("storefront"), system.gatewayUri())
          .checkout("alice", "alice@example.com", "sku-42")).isEqualTo(202);
      traces.awaitUntil("the order stored", f -> f.spans().stream().anyMatch(s -> s.name().startsWith("INSERT")));
      return traces.awaitAllEnded();
    }
  }

  private static SpanNode span(TraceForest forest, String name) {
    return forest.spans().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void everyLogLineAndTheOrdersPriceLeadBackToTheTrace(KafkaTestBroker kafka, CapturedTraces traces) throws Exception {
    TraceForest forest = checkout(kafka, traces, Set.of());
    CapturedMetrics metrics = traces.metrics();

    assertThat(span(forest, "process order")).hasLogs("order stored for alice");
    assertThat(span(forest, "POST /checkout").logRecords()).extracting(r -> r.getBodyValue().asString())
        .startsWith("checkout of sku-42 for alice");
    assertThat(metrics)
        .hasExemplarsOn("order.price")
        .hasExemplarFor("order.price", span(forest, "process order"));
  }

  @Test
  @TraceCheckRule(name = LogWithoutTraceContextRule.NAME, mode = GateMode.WARN) // the bug, shown as a warning
  void logLinesWithoutTheMdcInstrumentationAreCaught(KafkaTestBroker kafka, CapturedTraces traces) throws Exception {
    TraceForest forest = checkout(kafka, traces, Set.of(Bug.LOG_WITHOUT_TRACE_CONTEXT));

    List<Finding> findings = new LogWithoutTraceContextRule().check(forest, RuleOptions.defaults());

    assertThat(findings).extracting(Finding::message).contains(
        "log record \"order stored for alice\" written inside span \"process order\" (order-worker) carries no trace_id");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).endsWith("carries no trace_id"));
  }

  @Test
  @TraceCheckRule(name = "orphaned-root", mode = GateMode.WARN) // the bug also orphans "price order"
  void aPriceRecordedWhereTheContextWasLostHasNoExemplar(KafkaTestBroker kafka, CapturedTraces traces)
      throws Exception {
    checkout(kafka, traces, Set.of(Bug.SUPPLY_ASYNC_WITHOUT_CONTEXT));
    CapturedMetrics metrics = traces.metrics();

    assertThatThrownBy(() -> assertThat(metrics).hasExemplarsOn("order.price"))
        .hasMessageContaining("Expecting every point of instrument \"order.price\" to have an exemplar from a span");
  }
}
