package io.github.tracecheck.assertj;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static io.github.tracecheck.testing.SampleTraces.checkoutLabel;
import static io.github.tracecheck.testing.SampleTraces.checkoutTree;
import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.testing.SampleTraces;
import io.opentelemetry.api.trace.SpanKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceAssertTest {

  private static final Trace TRACE = SampleTraces.checkout().traces().get(0);

  @Test
  void passesOnRootSpansAndPaths() {
    assertThat(TRACE)
        .hasSpanCount(5)
        .hasRootNamed("POST /checkout")
        .hasSpanNamed("orders process")
        .hasSpan(SpanQuery.named("auth.Auth/Validate").kind(SpanKind.SERVER))
        .hasPath("POST /checkout", "orders publish", "orders process")
        .hasPath("auth.Auth/Validate", "auth.Auth/Validate")
        .hasDescendantPath("POST /checkout", "orders process")
        .hasRootSatisfying(root -> root.hasKind(SpanKind.SERVER))
        .hasSpanSatisfying(SpanQuery.named("orders process"), s -> s.hasKind(SpanKind.CONSUMER));
    assertThat(TRACE).root().hasName("POST /checkout");
    assertThat(TRACE).span("orders publish").hasKind(SpanKind.PRODUCER);
    assertThat(TRACE).span("auth.Auth/Validate", SpanKind.SERVER).hasServiceName("auth-service");
    assertThat(TRACE)
        .span(SpanQuery.any().attribute("messaging.destination.name", "orders").service("api-gateway"))
        .hasName("orders publish");
  }

  @Test
  void spanCountFailure() {
    assertThatThrownBy(() -> assertThat(TRACE).hasSpanCount(4))
        .hasMessage(
            "\nExpecting trace 0af7651916cd43dd8448eb211c80319c\n"
                + "to have number of spans:\n  4\nbut was:\n  5\n"
                + checkoutTree());
  }

  @Test
  void rootNameFailureMarksTheRoot() {
    assertThatThrownBy(() -> assertThat(TRACE).hasRootNamed("GET /"))
        .hasMessage(
            "\nExpecting trace 0af7651916cd43dd8448eb211c80319c\n"
                + "to have root named:\n  \"GET /\"\nbut was:\n  " + checkoutLabel(1) + "\n"
                + checkoutTree(1));
  }

  @Test
  void severalRootsFailRootAndMarkEveryRoot() {
    Trace broken =
        TraceForest.of(
                List.of(
                    span("POST /checkout", id(1)).time(0, 10).build(),
                    span("orders process", id(2)).parent(id(9)).time(5, 6).build()))
            .traces()
            .get(0);

    assertThatThrownBy(() -> assertThat(broken).root())
        .hasMessage(
            "\nExpecting trace 0af7651916cd43dd8448eb211c80319c\n"
                + "to have exactly one root:\n  1\nbut was:\n  2 roots (marked)\n"
                + "trace 0af7651916cd43dd8448eb211c80319c (2 spans)\n"
                + ">> POST /checkout [INTERNAL] svc 10.0 ms\n"
                + ">> orders process [INTERNAL] svc (parent 0000000000000009 not captured) 1.0 ms");
  }

  @Test
  void missingSpanFailure() {
    assertThatThrownBy(() -> assertThat(TRACE).span("SELECT orders"))
        .hasMessage(
            "\nExpecting trace 0af7651916cd43dd8448eb211c80319c\n"
                + "to contain exactly one span matching:\n  span with name \"SELECT orders\"\n"
                + "but found none in:\n"
                + checkoutTree());
    assertThatThrownBy(() -> assertThat(TRACE).hasSpanNamed("SELECT orders"))
        .hasMessageContaining("but found none in:");
  }

  @Test
  void ambiguousSpanFailureMarksTheMatches() {
    assertThatThrownBy(() -> assertThat(TRACE).span("auth.Auth/Validate"))
        .hasMessage(
            "\nExpecting trace 0af7651916cd43dd8448eb211c80319c\n"
                + "to contain exactly one span matching:\n  span with name \"auth.Auth/Validate\"\n"
                + "but found 2 (marked) in:\n"
                + checkoutTree(2, 3));
  }

  @Test
  void pathFailureShowsTheLongestMatchedPrefix() {
    assertThatThrownBy(() -> assertThat(TRACE).hasPath("POST /checkout", "orders publish", "order saved"))
        .hasMessage(
            "\nExpecting trace 0af7651916cd43dd8448eb211c80319c\n"
                + "to have the path (each span a child of the one before):\n"
                + "  \"POST /checkout\" > \"orders publish\" > \"order saved\"\n"
                + "but the longest match was \"POST /checkout\" > \"orders publish\" (marked), with no"
                + " \"order saved\" below it:\n"
                + checkoutTree(4));
  }

  @Test
  void pathNeedsDirectChildrenButDescendantPathDoesNot() {
    assertThatThrownBy(() -> assertThat(TRACE).hasPath("POST /checkout", "orders process"))
        .hasMessageContaining("but the longest match was \"POST /checkout\" (marked)");
    assertThatThrownBy(() -> assertThat(TRACE).hasDescendantPath("orders process", "POST /checkout"))
        .hasMessageContaining("(each span below the one before)");
  }

  @Test
  void pathWhoseFirstNameIsMissing() {
    assertThatThrownBy(() -> assertThat(TRACE).hasPath("GET /"))
        .hasMessage(
            "\nExpecting trace 0af7651916cd43dd8448eb211c80319c\n"
                + "to have the path (each span a child of the one before):\n"
                + "  \"GET /\"\n"
                + "but no span is named \"GET /\":\n"
                + checkoutTree());
  }

  @Test
  void emptyPathIsAProgrammingError() {
    assertThatThrownBy(() -> assertThat(TRACE).hasPath())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a path needs at least one span name");
  }
}
