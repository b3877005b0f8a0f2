package io.github.tracecheck.assertj;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static io.github.tracecheck.testing.SampleTraces.checkoutTree;
import static io.github.tracecheck.testing.TestSpans.OTHER_TRACE_ID;
import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.testing.SampleTraces;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceForestAssertTest {

  private static final TraceForest CHECKOUT = SampleTraces.checkout();

  private static TraceForest twoRequests() {
    List<io.opentelemetry.sdk.trace.data.SpanData> spans = new ArrayList<>(CHECKOUT.spans().stream().map(n -> n.data()).toList());
    spans.add(span("GET /health", id(1)).trace(OTHER_TRACE_ID).time(100, 101).build());
    return TraceForest.of(spans);
  }

  @Test
  void passes() {
    assertThat(CHECKOUT)
        .hasTraceCount(1)
        .isWellFormed()
        .hasSingleTraceSatisfying(t -> t.hasRootNamed("POST /checkout"))
        .anyTraceSatisfies(t -> t.hasSpanNamed("orders process"))
        .allTracesSatisfy(t -> t.hasSpanCount(5));
    assertThat(CHECKOUT).singleTrace().hasSpanCount(5);
    assertThat(twoRequests()).traceWithRootNamed("GET /health").hasSpanCount(1);
    assertThat(twoRequests()).hasTraceWithRootNamedSatisfying("POST /checkout", t -> t.hasSpanCount(5));
    assertThat(TraceForest.empty()).isEmpty();
  }

  @Test
  void traceCountFailureDrawsEveryTrace() {
    assertThatThrownBy(() -> assertThat(twoRequests()).singleTrace())
        .hasMessage(
            "\nExpecting the captured traces\n"
                + "to have number of traces:\n  1\nbut was:\n  2\n"
                + checkoutTree() + "\n"
                + "trace 4bf92f3577b34da6a3ce929d0e0e4736 (1 span)\n"
                + "   GET /health [INTERNAL] svc 1.0 ms");
  }

  @Test
  void traceWithRootNamedFailureListsTheRoots() {
    assertThatThrownBy(() -> assertThat(CHECKOUT).traceWithRootNamed("GET /"))
        .hasMessage(
            "\nExpecting the captured traces\n"
                + "to have exactly one trace with a root named:\n  \"GET /\"\n"
                + "but was:\n  0 among roots [\"POST /checkout\"]\n"
                + checkoutTree());
  }

  @Test
  void anyTraceSatisfiesFailureShowsEachTracesFailure() {
    assertThatThrownBy(() -> assertThat(CHECKOUT).anyTraceSatisfies(t -> t.hasSpanCount(3)))
        .hasMessage(
            "\nExpecting any of the 1 captured trace to satisfy the given requirements, but 1 did not:\n\n"
                + "trace 0af7651916cd43dd8448eb211c80319c:\n"
                + "Expecting trace 0af7651916cd43dd8448eb211c80319c\n"
                + "to have number of spans:\n  3\nbut was:\n  5\n"
                + checkoutTree());
  }

  @Test
  void allTracesSatisfyFailsOnOneBadTraceAndOnNoTraces() {
    assertThatThrownBy(() -> assertThat(twoRequests()).allTracesSatisfy(t -> t.hasSpanCount(5)))
        .hasMessageStartingWith(
            "\nExpecting all of the 2 captured traces to satisfy the given requirements, but 1 did not:\n\n"
                + "trace 4bf92f3577b34da6a3ce929d0e0e4736:\n");
    assertThatThrownBy(() -> assertThat(TraceForest.empty()).allTracesSatisfy(t -> t.hasSpanCount(5)))
        .hasMessage(
            "\nExpecting all of the 0 captured traces to satisfy the given requirements, but none was captured");
  }

  @Test
  void wellFormedFailureListsTheProblemsAndMarksTheSpans() {
    TraceForest malformed = TraceForest.of(List.of(span("loop", id(3)).parent(id(3)).build()));

    assertThatThrownBy(() -> assertThat(malformed).isWellFormed())
        .hasMessage(
            "\nExpecting the captured traces\n"
                + "to have no malformed spans:\n  (no problems)\n"
                + "but was:\n"
                + "  SELF_PARENT: span 'loop' (0000000000000003) names itself as its parent; it is treated as a root\n"
                + "trace 0af7651916cd43dd8448eb211c80319c (1 span)\n"
                + ">> loop [INTERNAL] svc 1.0 ms");
  }
}
