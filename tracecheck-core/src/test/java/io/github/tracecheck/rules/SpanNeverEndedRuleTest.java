package io.github.tracecheck.rules;

import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.testing.RealSdk;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpanNeverEndedRuleTest {

  private static final String CAUSE =
      "end() was not called on every path (end spans in a finally block), or asynchronous work outlived the test";

  private final RealSdk sdk = new RealSdk();
  private final Tracer tracer = sdk.tracer("svc");
  private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker-1"));

  @AfterEach
  void close() {
    pool.shutdownNow();
    sdk.close();
  }

  private List<Finding> check() {
    return new SpanNeverEndedRule().check(sdk.snapshot(), RuleOptions.defaults());
  }

  private static String thread() {
    return Thread.currentThread().getName();
  }

  // --- broken shapes ------------------------------------------------------------------------

  @Test
  void aSpanNeverEndedIsReportedWithItsThreadAndTheChildHangingFromIt() {
    Span parent = tracer.spanBuilder("load cart").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      tracer.spanBuilder("SELECT cart").startSpan().end();
    }

    assertThat(check())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.rule()).isEqualTo("span-never-ended");
          assertThat(f.span()).isEmpty();
          assertThat(f.spanName()).isEqualTo("load cart");
          assertThat(f.openSpan()).get().extracting(SpanStart::name).isEqualTo("load cart");
          assertThat(f.related()).extracting(n -> n.name()).containsExactly("SELECT cart");
          assertThat(f.message())
              .isEqualTo("span \"load cart\" [INTERNAL] (" + parent.getSpanContext().getSpanId()
                  + ") was started on thread \"" + thread()
                  + "\" and never ended; its 1 child hangs from a parent that is never exported");
          assertThat(f.likelyCause()).isEqualTo(CAUSE);
        });
    parent.end();
  }

  @Test
  void aSpanWithoutChildrenAndOneWithTwo() {
    Span lonely = tracer.spanBuilder("poll").setSpanKind(SpanKind.CONSUMER).startSpan();
    Span batch = tracer.spanBuilder("batch").startSpan();
    try (Scope ignored = batch.makeCurrent()) {
      tracer.spanBuilder("item 1").startSpan().end();
      tracer.spanBuilder("item 2").startSpan().end();
    }

    assertThat(check())
        .extracting(Finding::message)
        .containsExactly(
            "span \"poll\" [CONSUMER] (" + lonely.getSpanContext().getSpanId() + ") was started on thread \""
                + thread() + "\" and never ended",
            "span \"batch\" [INTERNAL] (" + batch.getSpanContext().getSpanId() + ") was started on thread \""
                + thread() + "\" and never ended; its 2 children hang from a parent that is never exported");
    lonely.end();
    batch.end();
  }

  @Test
  void aSpanStartedOnAWorkerThreadNamesThatThread() throws Exception {
    Span started = pool.submit(() -> tracer.spanBuilder("async send").setSpanKind(SpanKind.PRODUCER).startSpan()).get();

    assertThat(check())
        .singleElement()
        .extracting(Finding::message)
        .isEqualTo("span \"async send\" [PRODUCER] (" + started.getSpanContext().getSpanId()
            + ") was started on thread \"worker-1\" and never ended");
    started.end();
  }

  @Test
  void withStackCaptureTheFindingSaysWhereTheSpanWasStarted() {
    try (RealSdk withStacks = new RealSdk(true)) {
      Span leaked = withStacks.tracer("svc").spanBuilder("leaked").startSpan();

      assertThat(new SpanNeverEndedRule().check(withStacks.snapshot(), RuleOptions.defaults()))
          .singleElement()
          .extracting(Finding::message)
          .asString()
          .contains(" at io.github.tracecheck.rules.SpanNeverEndedRuleTest."
              + "withStackCaptureTheFindingSaysWhereTheSpanWasStarted(SpanNeverEndedRuleTest.java:")
          .endsWith(" and never ended");
      leaked.end();
    }
  }

  // --- correct shapes -----------------------------------------------------------------------

  @Test
  void aSpanEndedOnAnotherThreadThanTheOneThatStartedItHasEnded() throws Exception {
    Span request = tracer.spanBuilder("GET /orders").setSpanKind(SpanKind.CLIENT).startSpan();
    CompletableFuture.runAsync(request::end, pool).get();

    assertThat(check()).isEmpty();
  }

  @Test
  void spansEndedInAnyOrderHaveEnded() {
    Span parent = tracer.spanBuilder("parent").startSpan();
    Span child;
    try (Scope ignored = parent.makeCurrent()) {
      child = tracer.spanBuilder("child").startSpan();
    }
    parent.end();
    child.end();

    assertThat(check()).isEmpty();
  }

  @Test
  void spansReadFromAFileCarryNoStartsAndSoNoOpenSpans() {
    TraceForest forest = TraceForest.of(List.of(span("child", id(2)).parent(id(9)).build()));

    assertThat(new SpanNeverEndedRule().check(forest, RuleOptions.defaults())).isEmpty();
  }
}
