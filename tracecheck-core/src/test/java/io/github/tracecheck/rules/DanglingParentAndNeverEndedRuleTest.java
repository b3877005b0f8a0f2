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
import org.junit.jupiter.api.Test;

class DanglingParentAndNeverEndedRuleTest {

  @Test
  void childOfASpanThatNeverEndedNamesTheParentAndItsThread() {
    try (RealSdk sdk = new RealSdk()) {
      Tracer tracer = sdk.tracer("svc");
      Span parent = tracer.spanBuilder("load cart").startSpan();
      try (Scope ignored = parent.makeCurrent()) {
        tracer.spanBuilder("SELECT cart").startSpan().end();
      }
      String parentId = parent.getSpanContext().getSpanId();
      String thread = Thread.currentThread().getName();

      TraceForest forest = sdk.snapshot();

      assertThat(new DanglingParentRule().check(forest, RuleOptions.defaults()))
          .singleElement()
          .satisfies(f -> {
            assertThat(f.rule()).isEqualTo("dangling-parent");
            assertThat(f.spanName()).isEqualTo("SELECT cart");
            assertThat(f.message())
                .isEqualTo("span \"SELECT cart\" (svc) has parent \"load cart\" [INTERNAL] (" + parentId
                    + "), which was started on thread \"" + thread + "\" but never ended");
            assertThat(f.likelyCause())
                .isEqualTo("end() was not called on the parent span on every path: end spans in a finally block");
          });
      assertThat(new SpanNeverEndedRule().check(forest, RuleOptions.defaults()))
          .singleElement()
          .satisfies(f -> {
            assertThat(f.rule()).isEqualTo("span-never-ended");
            assertThat(f.span()).isEmpty();
            assertThat(f.openSpan()).get().extracting(s -> s.name()).isEqualTo("load cart");
            assertThat(f.related()).extracting(n -> n.name()).containsExactly("SELECT cart");
            assertThat(f.message())
                .isEqualTo("span \"load cart\" [INTERNAL] (" + parentId + ") was started on thread \"" + thread
                    + "\" and never ended; its 1 child hangs from a parent that is never exported");
          });
      parent.end();
      assertThat(Rules.check(sdk.snapshot())).isEmpty();
    }
  }

  @Test
  void withStackCaptureTheFindingSaysWhereTheSpanWasStarted() {
    try (RealSdk sdk = new RealSdk(true)) {
      Span leaked = sdk.tracer("svc").spanBuilder("leaked").startSpan();

      assertThat(new SpanNeverEndedRule().check(sdk.snapshot(), RuleOptions.defaults()))
          .singleElement()
          .extracting(Finding::message)
          .asString()
          .contains(" at io.github.tracecheck.rules.DanglingParentAndNeverEndedRuleTest."
              + "withStackCaptureTheFindingSaysWhereTheSpanWasStarted(DanglingParentAndNeverEndedRuleTest.java:")
          .endsWith(" and never ended");
      leaked.end();
    }
  }

  @Test
  void missingRemoteParentMeansTheTraceCameFromOutsideTheCapture() {
    try (RealSdk sdk = new RealSdk()) {
      SpanContext caller =
          SpanContext.createFromRemoteParent(
              "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
      sdk.tracer("svc").spanBuilder("GET /health").setParent(Context.root().with(Span.wrap(caller)))
          .startSpan().end();

      assertThat(Rules.check(sdk.snapshot())).isEmpty();
    }
  }

  @Test
  void missingLocalParentThatWasNeverSeenStarting() {
    TraceForest forest =
        TraceForest.of(List.of(span("root", id(1)).build(), span("child", id(2)).parent(id(9)).build()));

    assertThat(new DanglingParentRule().check(forest, RuleOptions.defaults()))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.message())
              .isEqualTo("span \"child\" (svc) has parent span id 0000000000000009, which no captured span has");
          assertThat(f.likelyCause())
              .isEqualTo("the parent was not ended before the capture was read, or it was created by a tracer"
                  + " provider this capture does not see");
        });
  }
}
