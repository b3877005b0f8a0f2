package io.github.tracecheck.rules.orphan;

import static io.github.tracecheck.testing.TestSpans.OTHER_TRACE_ID;
import static io.github.tracecheck.testing.TestSpans.TRACE_ID;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.RuleOptions;
import io.opentelemetry.api.trace.SpanKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link OrphanedRootRule#checkRootsOf}: the roots of the traces not judged are never reported, yet
 * those traces are still the evidence that names a judged root's lost hop.
 */
class OrphanedRootRuleJudgedTracesTest {

  /** A producer in one trace; the consumer of its message started another trace: an orphan. */
  private final TraceForest forest = TraceForest.of(List.of(
      span("POST /orders", "00000000000000a1").trace(TRACE_ID).kind(SpanKind.SERVER).service("api")
          .attr("http.request.method", "POST").attr("http.route", "/orders").time(0, 50).build(),
      span("orders publish", "00000000000000a2").trace(TRACE_ID).parent("00000000000000a1").kind(SpanKind.PRODUCER)
          .service("api").attr("messaging.system", "kafka").attr("messaging.destination.name", "orders").time(5, 8).build(),
      span("orders process", "00000000000000b1").trace(OTHER_TRACE_ID).kind(SpanKind.CONSUMER).service("worker")
          .attr("messaging.system", "kafka").attr("messaging.destination.name", "orders").time(10, 30).build()));

  private final OrphanedRootRule rule = new OrphanedRootRule();

  @Test
  void theJudgedOrphanIsNamedWithItsCauseInATraceNotJudged() {
    List<Finding> findings = rule.checkRootsOf(forest, trace -> trace.traceId().equals(OTHER_TRACE_ID), RuleOptions.defaults());

    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.span()).hasValueSatisfying(root -> assertThat(root.spanId()).isEqualTo("00000000000000b1"));
      assertThat(finding.message()).contains("orders publish");
    });
    assertThat(findings).map(Finding::message)
        .isEqualTo(rule.check(forest, RuleOptions.defaults()).stream().map(Finding::message).toList());
  }

  @Test
  void anOrphanInATraceNotJudgedIsNotReported() {
    assertThat(rule.check(forest, RuleOptions.defaults())).hasSize(1);

    assertThat(rule.checkRootsOf(forest, trace -> trace.traceId().equals(TRACE_ID), RuleOptions.defaults())).isEmpty();
  }
}
