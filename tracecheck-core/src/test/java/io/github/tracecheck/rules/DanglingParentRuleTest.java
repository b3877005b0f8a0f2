package io.github.tracecheck.rules;

import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.testing.RealSdk;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DanglingParentRuleTest {

  private static final String NEVER_ENDED_CAUSE =
      "end() was not called on the parent span on every path: end spans in a finally block";

  private final RealSdk sdk = new RealSdk();
  private final Tracer tracer = sdk.tracer("svc");

  @AfterEach
  void close() {
    sdk.close();
  }

  private static List<Finding> check(TraceForest forest) {
    return new DanglingParentRule().check(forest, RuleOptions.defaults());
  }

  // --- broken shapes ------------------------------------------------------------------------

  @Test
  void childOfASpanThatNeverEndedNamesTheParentAndItsThread() {
    Span parent = tracer.spanBuilder("load cart").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      tracer.spanBuilder("SELECT cart").startSpan().end();
    }

    assertThat(check(sdk.snapshot()))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.rule()).isEqualTo("dangling-parent");
          assertThat(f.spanName()).isEqualTo("SELECT cart");
          assertThat(f.span()).isPresent();
          assertThat(f.message())
              .isEqualTo("span \"SELECT cart\" (svc) has parent \"load cart\" [INTERNAL] ("
                  + parent.getSpanContext().getSpanId() + "), which was started on thread \""
                  + Thread.currentThread().getName() + "\" but never ended");
          assertThat(f.likelyCause()).isEqualTo(NEVER_ENDED_CAUSE);
        });
    parent.end();
  }

  @Test
  void withStackCaptureTheFindingSaysWhereTheParentWasStarted() {
    try (RealSdk withStacks = new RealSdk(true)) {
      Tracer stackTracer = withStacks.tracer("svc");
      Span parent = stackTracer.spanBuilder("load cart").startSpan();
      stackTracer.spanBuilder("SELECT cart").setParent(Context.current().with(parent)).startSpan().end();

      assertThat(new DanglingParentRule().check(withStacks.snapshot(), RuleOptions.defaults()))
          .singleElement()
          .extracting(Finding::message)
          .asString()
          .contains(", at io.github.tracecheck.rules.DanglingParentRuleTest."
              + "withStackCaptureTheFindingSaysWhereTheParentWasStarted(DanglingParentRuleTest.java:")
          .endsWith(" but never ended");
      parent.end();
    }
  }

  @Test
  void missingLocalParentThatWasNeverSeenStarting() {
    TraceForest forest =
        TraceForest.of(List.of(span("root", id(1)).build(), span("child", id(2)).parent(id(9)).build()));

    assertThat(check(forest))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.rule()).isEqualTo("dangling-parent");
          assertThat(f.spanName()).isEqualTo("child");
          assertThat(f.message())
              .isEqualTo("span \"child\" (svc) has parent span id 0000000000000009, which no captured span has");
          assertThat(f.likelyCause())
              .isEqualTo("the parent was not ended before the capture was read, or it was created by a tracer"
                  + " provider this capture does not see");
        });
  }

  @Test
  void theParentsNameIsMaskedLikeEveryQuotedName() {
    Span parent = tracer.spanBuilder("load cart of jane.doe@example.com").startSpan();
    tracer.spanBuilder("SELECT cart").setParent(Context.current().with(parent)).startSpan().end();

    assertThat(check(sdk.snapshot()))
        .singleElement()
        .extracting(Finding::message)
        .asString()
        .contains("has parent \"load cart of j***@e***.com\" [INTERNAL]")
        .doesNotContain("jane.doe");
    parent.end();
  }

  // --- correct shapes -----------------------------------------------------------------------

  @Test
  void aChildThatEndsBeforeItsParentIsFineOnceTheParentEnds() {
    Span parent = tracer.spanBuilder("load cart").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      tracer.spanBuilder("SELECT cart").startSpan().end();
    } finally {
      parent.end();
    }

    assertThat(check(sdk.snapshot())).isEmpty();
  }

  @Test
  void missingRemoteParentMeansTheTraceCameFromOutsideTheCapture() {
    SpanContext caller =
        SpanContext.createFromRemoteParent(
            "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
    tracer.spanBuilder("GET /health").setParent(Context.root().with(Span.wrap(caller))).startSpan().end();

    assertThat(check(sdk.snapshot())).isEmpty();
  }

  @Test
  void aParentInTheSameCaptureButAnotherServiceIsFound() {
    Tracer other = sdk.tracer("inventory");
    Span parent = tracer.spanBuilder("reserve").startSpan();
    other.spanBuilder("reserve item").setParent(Context.current().with(parent)).startSpan().end();
    parent.end();

    assertThat(check(sdk.snapshot())).isEmpty();
  }
}
