package io.github.tracecheck.assertj;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static io.github.tracecheck.testing.SampleTraces.checkoutLabel;
import static io.github.tracecheck.testing.SampleTraces.checkoutTree;
import static io.github.tracecheck.testing.TestSpans.id;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.testing.SampleTraces;
import io.github.tracecheck.testing.TestSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpanNodeAssertTest {

  private static final Trace TRACE = SampleTraces.checkout().traces().get(0);
  private static final SpanNode ROOT = TRACE.span(id(1)).orElseThrow();
  private static final SpanNode AUTH_CLIENT = TRACE.span(id(2)).orElseThrow();
  private static final SpanNode PUBLISH = TRACE.span(id(4)).orElseThrow();
  private static final SpanNode PROCESS = TRACE.span(id(5)).orElseThrow();

  @Test
  void passesWhenTheSpanHasWhatIsExpected() {
    assertThat(PROCESS)
        .hasName("orders process")
        .hasKind(SpanKind.CONSUMER)
        .hasServiceName("order-worker")
        .hasParentNamed("orders publish")
        .hasParent(PUBLISH)
        .isDescendantOf(ROOT)
        .hasRemoteParent()
        .hasChildCount(0)
        .hasAttribute(AttributeKey.stringKey("messaging.system"), "kafka")
        .hasAttribute("messaging.system", "kafka")
        .hasAttribute("messaging.system")
        .doesNotHaveAttribute("http.route")
        .hasStatus(StatusCode.ERROR)
        .hasStatusDescription("boom")
        .hasLinkCount(0);
    assertThat(ROOT)
        .isRoot()
        .hasChildCount(2)
        .hasChildNamed("orders publish")
        .hasAttribute("http.response.status_code", 202)
        .hasAttribute(AttributeKey.longKey("http.response.status_code"), 202L);
    assertThat(PROCESS).parent().hasName("orders publish").parent().isRoot();
    assertThat(ROOT).child("orders publish").hasKind(SpanKind.PRODUCER);
    assertThat(ROOT).hasChildSatisfying("auth.Auth/Validate", c -> c.hasKind(SpanKind.CLIENT));
    assertThat(AUTH_CLIENT).asSpanData().hasKind(SpanKind.CLIENT).hasAttribute(AttributeKey.stringKey("rpc.method"), "Validate");
    assertThat(AUTH_CLIENT).satisfiesSpanData(d -> d.hasName("auth.Auth/Validate"));
  }

  @Test
  void checksEventsExceptionsAndLinks() {
    TraceForest forest =
        TraceForest.of(
            List.of(
                TestSpans.span("publish", id(1)).trace(TestSpans.OTHER_TRACE_ID).build(),
                TestSpans.span("process", id(2))
                    .exception("java.lang.IllegalStateException", "no stock")
                    .event("retry")
                    .link(TestSpans.OTHER_TRACE_ID, id(1))
                    .build()));
    SpanNode process = forest.trace(TestSpans.TRACE_ID).orElseThrow().firstRoot();
    SpanNode publish = forest.trace(TestSpans.OTHER_TRACE_ID).orElseThrow().firstRoot();

    assertThat(process)
        .hasEventNamed("retry")
        .hasException(IllegalStateException.class)
        .hasExceptionOfType("java.lang.IllegalStateException")
        .hasExceptionWithMessage("no stock")
        .hasLinkCount(1)
        .hasLinkTo(publish);

    assertThatThrownBy(() -> assertThat(process).hasException(IllegalArgumentException.class))
        .hasMessage(
            "\nExpecting span process [INTERNAL] svc links=1 1.0 ms\n"
                + "to have a recorded exception of type:\n"
                + "  java.lang.IllegalArgumentException\n"
                + "but was:\n"
                + "  exceptions [java.lang.IllegalStateException: no stock]\n"
                + "trace 0af7651916cd43dd8448eb211c80319c (1 span)\n"
                + ">> process [INTERNAL] svc links=1 1.0 ms");
    assertThatThrownBy(() -> assertThat(publish).hasLinkTo(process))
        .hasMessageContaining("to have a link to:\n  process [INTERNAL] svc links=1 1.0 ms"
            + " (0af7651916cd43dd8448eb211c80319c/0000000000000002)\nbut was:\n  links []");
    assertThatThrownBy(() -> assertThat(publish).hasExceptionWithMessage("x"))
        .hasMessageContaining("but was:\n  (no exception recorded)");
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        failure(a -> a.hasName("x"), "name", "\"x\"", "\"orders process\""),
        failure(a -> a.hasKind(SpanKind.SERVER), "kind", "SERVER", "CONSUMER"),
        failure(a -> a.hasServiceName("api-gateway"), "service.name", "\"api-gateway\"", "\"order-worker\""),
        failure(SpanNodeAssert::isRoot, "no parent", "(a root span)", checkoutLabel(4)),
        failure(a -> a.hasParentNamed("POST /checkout"), "parent", "\"POST /checkout\"", checkoutLabel(4)),
        failure(a -> a.hasParent(ROOT), "parent", checkoutLabel(1), checkoutLabel(4)),
        failure(a -> a.isDescendantOf(AUTH_CLIENT), "ancestor", checkoutLabel(2),
            "not among its ancestors; parent: " + checkoutLabel(4)),
        failure(a -> a.hasChildCount(1), "number of children", "1", "0 []"),
        failure(a -> a.hasChildNamed("db"), "a child named", "\"db\"", "children []"),
        failure(a -> a.hasAttribute(AttributeKey.stringKey("messaging.system"), "rabbitmq"),
            "attribute messaging.system", "rabbitmq", "kafka"),
        failure(a -> a.hasAttribute("messaging.destination.name", "orders"),
            "attribute messaging.destination.name", "orders", "(no such attribute)"),
        failure(a -> a.hasAttribute("db.system"), "attribute", "db.system", "attributes [messaging.system]"),
        failure(a -> a.doesNotHaveAttribute("messaging.system"), "no attribute", "messaging.system",
            "messaging.system=kafka"),
        failure(a -> a.hasStatus(StatusCode.OK), "status", "OK", "ERROR"),
        failure(a -> a.hasStatusDescription("timeout"), "status description", "\"timeout\"", "\"boom\""),
        failure(a -> a.hasEventNamed("retry"), "an event named", "\"retry\"", "events []"),
        failure(a -> a.hasLinkCount(2), "number of links", "2", "0"),
        failure(a -> a.child("x"), "exactly one child named", "\"x\"", "0 among children []"));
  }

  private static Arguments failure(
      Consumer<SpanNodeAssert> assertion, String property, String expected, String actual) {
    return Arguments.of(property + " " + expected, assertion, property, expected, actual);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void failsWithTheExpectedValueTheActualValueAndTheMarkedTree(
      String name, Consumer<SpanNodeAssert> assertion, String property, String expected, String actual) {
    assertThatThrownBy(() -> assertion.accept(assertThat(PROCESS)))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "\nExpecting span " + checkoutLabel(5) + "\n"
                + "to have " + property + ":\n"
                + "  " + expected + "\n"
                + "but was:\n"
                + "  " + actual + "\n"
                + checkoutTree(5));
  }

  @Test
  void remoteParentFailureSaysTheParentIsLocal() {
    assertThatThrownBy(() -> assertThat(AUTH_CLIENT).hasRemoteParent())
        .hasMessage(
            "\nExpecting span " + checkoutLabel(2) + "\n"
                + "to have a remote parent:\n"
                + "  a parent context extracted from a carrier\n"
                + "but was:\n"
                + "  a local parent: " + checkoutLabel(1) + "\n"
                + checkoutTree(2));
  }

  @Test
  void parentOfARootFails() {
    assertThatThrownBy(() -> assertThat(ROOT).parent())
        .hasMessage(
            "\nExpecting span " + checkoutLabel(1) + "\n"
                + "to have a parent:\n"
                + "  (any captured span)\n"
                + "but was:\n"
                + "  (no parent: a root span)\n"
                + checkoutTree(1));
  }

  @Test
  void userDescriptionPrefixesTheMessage() {
    assertThatThrownBy(() -> assertThat(PROCESS).as("consumer hop").hasKind(SpanKind.SERVER))
        .hasMessageStartingWith("[consumer hop] \nExpecting span orders process");
  }

  @Test
  void nullSpanFailsLikeAnyAssertJAssertion() {
    assertThatThrownBy(() -> assertThat((SpanNode) null).hasKind(SpanKind.SERVER))
        .hasMessageContaining("Expecting actual not to be null");
  }
}
