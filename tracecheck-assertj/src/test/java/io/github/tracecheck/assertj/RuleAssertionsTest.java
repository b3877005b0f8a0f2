package io.github.tracecheck.assertj;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static io.github.tracecheck.testing.TestSpans.OTHER_TRACE_ID;
import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.RuleOptions;
import io.github.tracecheck.testing.RealSdk;
import io.github.tracecheck.testing.SampleTraces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate's rules as assertions, for users who turn the gate off. */
class RuleAssertionsTest {

  private static final TraceForest ORPHANED_CONSUMER =
      TraceForest.of(
          List.of(
              span("orders publish", id(1)).kind(SpanKind.PRODUCER).service("api-gateway")
                  .attr("messaging.system", "kafka").attr("messaging.destination.name", "orders").time(0, 2).build(),
              span("orders process", id(2)).trace(OTHER_TRACE_ID).kind(SpanKind.CONSUMER).service("order-worker")
                  .attr("messaging.system", "kafka").attr("messaging.destination.name", "orders")
                  .link(OTHER_TRACE_ID, id(7)).time(5, 9).build()));

  @Test
  void passOnACorrectTrace() {
    TraceForest ok = TraceForest.of(SampleTraces.checkout().spans().stream()
        .filter(n -> !n.name().equals("orders process")).map(n -> n.data()).toList());
    assertThat(ok).isConnected().hasNoOrphans().hasNoDanglingParents().allSpansEnded().hasNoMissingErrorStatus()
        .hasNoFindings();
  }

  @Test
  void linkedConsumerIsConnectedUnlessLinksAreNotAccepted() {
    assertThat(ORPHANED_CONSUMER).isConnected();

    assertThatThrownBy(
            () -> assertThat(ORPHANED_CONSUMER).usingRuleOptions(RuleOptions.defaults().withLinksConnect(false)).hasNoOrphans())
        .hasMessage(
            "\nExpecting the captured traces to have no orphaned roots, but found 1 problem:\n\n"
                + "1. [orphaned-root] consumer span \"orders process\" (order-worker) started a new trace, but"
                + " producer span \"orders publish\" (api-gateway) sent to Kafka topic \"orders\" in trace"
                + " 0af7651916cd43dd8448eb211c80319c: the hop \"orders publish\" (api-gateway) -> \"orders process\""
                + " (order-worker) is broken\n"
                + "  likely cause: the consumer did not extract the context from the Kafka record headers (traceparent), or"
                + " the producer did not inject it\n"
                + "  trace 4bf92f3577b34da6a3ce929d0e0e4736 (1 span)\n"
                + "  >> orders process [CONSUMER] order-worker {messaging.system=kafka,"
                + " messaging.destination.name=orders} links=1 4.0 ms\n"
                + "  trace 0af7651916cd43dd8448eb211c80319c (1 span)\n"
                + "  >> orders publish [PRODUCER] api-gateway {messaging.system=kafka,"
                + " messaging.destination.name=orders} 2.0 ms");
  }

  @Test
  void missingErrorStatus() {
    TraceForest forest =
        TraceForest.of(
            List.of(
                span("POST /checkout", id(1)).kind(SpanKind.SERVER).service("api-gateway")
                    .attr("http.request.method", "POST").attr("http.response.status_code", 500L).build()));

    assertThatThrownBy(() -> assertThat(forest).hasNoMissingErrorStatus())
        .hasMessage(
            "\nExpecting the captured traces to have no spans with a missing error status, but found 1 problem:\n\n"
                + "1. [missing-error-status] span \"POST /checkout\" (api-gateway) is an HTTP server span that"
                + " answered 500, but its status is UNSET\n"
                + "  likely cause: the instrumentation did not set the status to ERROR for this failure: call"
                + " span.setStatus(StatusCode.ERROR) where the failure is handled\n"
                + "  trace 0af7651916cd43dd8448eb211c80319c (1 span)\n"
                + "  >> POST /checkout [SERVER] api-gateway {http.request.method=POST, http.response.status_code=500}"
                + " 1.0 ms");
    assertThatThrownBy(() -> assertThat(forest).hasNoFindings())
        .hasMessageStartingWith("\nExpecting the captured traces to have no findings, but found 1 problem:");
  }

  @Test
  void allSpansEndedReadsTheCapturesStarts() {
    try (RealSdk sdk = new RealSdk()) {
      Span open = sdk.tracer("svc").spanBuilder("open").startSpan();
      assertThatThrownBy(() -> assertThat(sdk.snapshot()).allSpansEnded())
          .hasMessageStartingWith("\nExpecting the captured traces to have no spans that never ended, but found 1 problem:\n\n"
              + "1. [span-never-ended] span \"open\" [INTERNAL]");
      open.end();
      assertThat(sdk.snapshot()).allSpansEnded();
    }
  }

  @Test
  void danglingParent() {
    TraceForest forest = TraceForest.of(List.of(span("child", id(2)).parent(id(9)).build()));
    assertThatThrownBy(() -> assertThat(forest).isConnected())
        .hasMessage(
            "\nExpecting the captured traces to have no broken propagation (orphaned roots or dangling parents),"
                + " but found 1 problem:\n\n"
                + "1. [dangling-parent] span \"child\" (svc) has parent span id 0000000000000009, which no captured"
                + " span has\n"
                + "  likely cause: the parent was not ended before the capture was read, or it was created by a"
                + " tracer provider this capture does not see\n"
                + "  trace 0af7651916cd43dd8448eb211c80319c (1 span)\n"
                + "  >> child [INTERNAL] svc (parent 0000000000000009 not captured) 1.0 ms");
  }
}
