package io.github.tracecheck.assertj;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static io.github.tracecheck.assertj.TraceCheckAssertions.span;
import static io.github.tracecheck.testing.SampleTraces.checkoutLabel;
import static io.github.tracecheck.testing.SampleTraces.checkoutTree;
import static io.github.tracecheck.testing.TestSpans.id;
import static io.opentelemetry.api.trace.SpanKind.CLIENT;
import static io.opentelemetry.api.trace.SpanKind.CONSUMER;
import static io.opentelemetry.api.trace.SpanKind.PRODUCER;
import static io.opentelemetry.api.trace.SpanKind.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.testing.SampleTraces;
import io.github.tracecheck.testing.TestSpans;
import io.opentelemetry.api.trace.StatusCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanShapeTest {

  private static final Trace TRACE = SampleTraces.checkout().traces().get(0);

  private static final SpanShape WHOLE_CHECKOUT =
      span("POST /checkout").kind(SERVER).service("api-gateway").attribute("http.route", "/checkout").children(
          span("orders publish").kind(PRODUCER).children(
              span("orders process").kind(CONSUMER).status(StatusCode.ERROR)),
          span("auth.Auth/Validate").kind(CLIENT).children(
              span("auth.Auth/Validate").kind(SERVER)));

  @Test
  void exactShapeMatchesSiblingsInAnyOrder() {
    assertThat(TRACE).hasShape(WHOLE_CHECKOUT);
  }

  @Test
  void inOrderRequiresSiblingsInStartOrder() {
    SpanShape wrongOrder =
        span("POST /checkout").inOrder().children(
            span("orders publish").children(span("orders process")),
            span("auth.Auth/Validate").children(span("auth.Auth/Validate")));
    SpanShape rightOrder =
        span("POST /checkout").inOrder().children(
            span("auth.Auth/Validate").children(span("auth.Auth/Validate")),
            span("orders publish").children(span("orders process")));

    assertThat(TRACE).hasShape(rightOrder);
    assertThatThrownBy(() -> assertThat(TRACE).hasShape(wrongOrder))
        .hasMessageContaining(
            "but the children of \"POST /checkout\" cannot be matched to the listed shapes in the listed order");
  }

  @Test
  void containsShapeAllowsUnlistedAndIntermediateSpans() {
    assertThat(TRACE).containsShape(span("POST /checkout").children(span("orders process").kind(CONSUMER)));
    assertThat(TRACE).containsShape(span("orders publish").children(span("orders process")));
    assertThat(TRACE).containsShape(span("POST /checkout").inOrder().children(span("auth.Auth/Validate"), span("orders process")));
  }

  @Test
  void exactShapeFailsOnAnUnlistedChild() {
    SpanShape partial =
        span("POST /checkout").children(span("orders publish").children(span("orders process")));

    assertThatThrownBy(() -> assertThat(TRACE).hasShape(partial))
        .hasMessage(
            "\nExpecting trace 0af7651916cd43dd8448eb211c80319c\n"
                + "to match exactly the shape:\n"
                + "  span with name \"POST /checkout\"\n"
                + "  `-- span with name \"orders publish\"\n"
                + "      `-- span with name \"orders process\"\n"
                + "but \"POST /checkout\" has 2 children, the shape lists 1\n"
                + "in:\n"
                + checkoutTree(1));
  }

  @Test
  void failureDescendsToTheSpanThatDiffers() {
    SpanShape wrongKind =
        span("POST /checkout").children(
            span("auth.Auth/Validate").kind(CLIENT).children(span("auth.Auth/Validate")),
            span("orders publish").children(span("orders process").kind(SERVER)));

    assertThatThrownBy(() -> assertThat(TRACE).hasShape(wrongKind))
        .hasMessage(
            "\nExpecting trace 0af7651916cd43dd8448eb211c80319c\n"
                + "to match exactly the shape:\n"
                + "  span with name \"POST /checkout\"\n"
                + "  |-- span with name \"auth.Auth/Validate\" and kind CLIENT\n"
                + "  |   `-- span with name \"auth.Auth/Validate\"\n"
                + "  `-- span with name \"orders publish\"\n"
                + "      `-- span with name \"orders process\" and kind SERVER\n"
                + "but no child of \"orders publish\" is a span with name \"orders process\" and kind SERVER\n"
                + "in:\n"
                + checkoutTree(4));
  }

  @Test
  void rootMismatch() {
    assertThatThrownBy(() -> assertThat(TRACE).hasShape(span("GET /")))
        .hasMessageContaining("but span " + checkoutLabel(1) + " is not a span with name \"GET /\"\nin:\n" + checkoutTree(1));
  }

  @Test
  void containsShapeFailures() {
    assertThatThrownBy(() -> assertThat(TRACE).containsShape(span("SELECT")))
        .hasMessageContaining("to match at least the shape:\n  span with name \"SELECT\"\nbut no span is a span with name \"SELECT\"\nin:\n" + checkoutTree());
    assertThatThrownBy(
            () -> assertThat(TRACE).containsShape(span("orders publish").children(span("auth.Auth/Validate"))))
        .hasMessageContaining(
            "but no descendant of \"orders publish\" is a span with name \"auth.Auth/Validate\"\nin:\n"
                + checkoutTree(4));
  }

  @Test
  void siblingsWithTheSameNameAreMatchedOneToOne() {
    // Two children named "task"; a greedy choice of the first for the first shape would fail.
    Trace trace =
        TraceForest.of(
                List.of(
                    TestSpans.span("batch", id(1)).time(0, 10).build(),
                    TestSpans.span("task", id(2)).parent(id(1)).time(1, 2).build(),
                    TestSpans.span("task", id(3)).parent(id(1)).time(2, 3).build(),
                    TestSpans.span("save", id(4)).parent(id(2)).time(1, 2).build()))
            .traces()
            .get(0);

    assertThat(trace).hasShape(span("batch").children(span("task"), span("task").children(span("save"))));
    assertThatThrownBy(
            () -> assertThat(trace).hasShape(span("batch").children(span("task").children(span("save")), span("task").children(span("save")))))
        .hasMessageContaining("cannot be matched to the listed shapes one to one");
  }

  @Test
  void shapeDrawsItself() {
    assertThat(span("a").inOrder().children(span("b"), span("c").children(span("d"))).toString())
        .isEqualTo(
            "span with name \"a\" (children in order)\n"
                + "|-- span with name \"b\"\n"
                + "`-- span with name \"c\"\n"
                + "    `-- span with name \"d\"");
  }
}
