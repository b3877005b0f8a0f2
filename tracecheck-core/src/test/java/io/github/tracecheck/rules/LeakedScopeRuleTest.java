package io.github.tracecheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.capture.ContextLeakProbe;
import io.github.tracecheck.model.ContextLeak;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.testing.RealSdk;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The leaked-scope rule, fed by {@link ContextLeakProbe} as the JUnit gate feeds it. Each scenario
 * runs on a thread of its own ("test-thread"), so that a leak never reaches the thread JUnit runs on.
 */
class LeakedScopeRuleTest {

  private static final String THREAD = "test-thread";
  private static final String CAUSE = "a Scope returned by makeCurrent() was not closed: use try-with-resources";

  private final RealSdk sdk = new RealSdk();
  private final Tracer tracer = sdk.tracer("svc");
  private final ExecutorService testThread = Executors.newSingleThreadExecutor(r -> new Thread(r, THREAD));

  @AfterEach
  void close() {
    testThread.shutdownNow();
    sdk.close();
  }

  /** Runs the test body on the test thread, then probes that thread as the gate does after a test. */
  private Optional<ContextLeak> probeAfter(Runnable testBody) throws Exception {
    return onTestThread(() -> {
      testBody.run();
      return ContextLeakProbe.takeFromCurrentThread(sdk.startedSpans());
    });
  }

  private <T> T onTestThread(Callable<T> work) throws Exception {
    return testThread.submit(work).get();
  }

  private List<Finding> check(Optional<ContextLeak> leak) {
    TraceForest forest = sdk.snapshot().withContextLeaks(leak.stream().toList());
    return new LeakedScopeRule().check(forest, RuleOptions.defaults());
  }

  // --- broken shapes ------------------------------------------------------------------------

  @Test
  @SuppressWarnings("MustBeClosedChecker")
  void aSpanMadeCurrentAndItsScopeNeverClosedIsReportedWithTheSpansNameAndTheThread() throws Exception {
    Span[] span = new Span[1];
    Optional<ContextLeak> leak = probeAfter(() -> {
      span[0] = tracer.spanBuilder("load cart").startSpan();
      span[0].makeCurrent(); // the Scope is dropped: the leak under test
      span[0].end();
    });

    assertThat(leak).get().satisfies(l -> {
      assertThat(l.threadName()).isEqualTo(THREAD);
      assertThat(l.spanContext()).isEqualTo(span[0].getSpanContext());
      assertThat(l.span()).contains("load cart");
    });
    assertThat(check(leak))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.rule()).isEqualTo("leaked-scope");
          assertThat(f.span()).isEmpty();
          assertThat(f.openSpan()).isEmpty();
          assertThat(f.message())
              .isEqualTo("the test thread \"test-thread\" still has a context current after the test: span"
                  + " \"load cart\" (" + span[0].getSpanContext().getSpanId() + ") was made current and its Scope"
                  + " was never closed");
          assertThat(f.likelyCause()).isEqualTo(CAUSE);
        });
  }

  @Test
  @SuppressWarnings("MustBeClosedChecker")
  void aSpanTheCaptureDidNotSeeStartIsReportedByItsId() throws Exception {
    SpanContext remote =
        SpanContext.createFromRemoteParent(
            "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
    Optional<ContextLeak> leak = probeAfter(() -> Context.root().with(Span.wrap(remote)).makeCurrent());

    assertThat(check(leak))
        .singleElement()
        .extracting(Finding::message)
        .isEqualTo("the test thread \"test-thread\" still has a context current after the test: span"
            + " (00f067aa0ba902b7) was made current and its Scope was never closed");
  }

  @Test
  @SuppressWarnings("MustBeClosedChecker")
  void aContextWithOnlyBaggageIsReportedAsSuch() throws Exception {
    Optional<ContextLeak> leak = probeAfter(() -> Baggage.builder().put("tenant", "acme").build().makeCurrent());

    assertThat(leak).get().satisfies(l -> {
      assertThat(l.spanContext().isValid()).isFalse();
      assertThat(l.span()).isEmpty();
    });
    assertThat(check(leak))
        .singleElement()
        .extracting(Finding::message)
        .isEqualTo("the test thread \"test-thread\" still has a context current after the test: a context without"
            + " a span (baggage or another value) was made current and its Scope was never closed");
  }

  @Test
  @SuppressWarnings("MustBeClosedChecker")
  void theSpansNameIsMasked() throws Exception {
    Optional<ContextLeak> leak = probeAfter(() -> {
      Span span = tracer.spanBuilder("cart of jane.doe@example.com").startSpan();
      span.makeCurrent();
      span.end();
    });

    assertThat(check(leak))
        .singleElement()
        .extracting(Finding::message)
        .asString()
        .contains("span \"cart of j***@e***.com\" (")
        .doesNotContain("jane.doe");
  }

  @Test
  @SuppressWarnings("MustBeClosedChecker")
  void theProbeResetsTheThreadToTheRootContext() throws Exception {
    Optional<ContextLeak> first = probeAfter(() -> tracer.spanBuilder("leaked").startSpan().makeCurrent());
    boolean rootAfterwards = onTestThread(() -> Context.current() == Context.root());
    Optional<ContextLeak> second = onTestThread(() -> ContextLeakProbe.takeFromCurrentThread(sdk.startedSpans()));

    assertThat(first).isPresent();
    assertThat(rootAfterwards).isTrue();
    assertThat(second).isEmpty();
  }

  // --- correct shapes -----------------------------------------------------------------------

  @Test
  void aClosedScopeLeavesNothing() throws Exception {
    Optional<ContextLeak> leak = probeAfter(() -> {
      Span span = tracer.spanBuilder("load cart").startSpan();
      try (Scope ignored = span.makeCurrent()) {
        tracer.spanBuilder("SELECT cart").startSpan().end();
      } finally {
        span.end();
      }
    });

    assertThat(leak).isEmpty();
    assertThat(check(leak)).isEmpty();
  }

  @Test
  void nestedScopesClosedInOrderLeaveNothing() throws Exception {
    Optional<ContextLeak> leak = probeAfter(() -> {
      Span outer = tracer.spanBuilder("outer").startSpan();
      try (Scope ignored = outer.makeCurrent()) {
        try (Scope alsoIgnored = Baggage.current().toBuilder().put("tenant", "acme").build().makeCurrent()) {
          tracer.spanBuilder("inner").startSpan().end();
        }
      } finally {
        outer.end();
      }
    });

    assertThat(leak).isEmpty();
  }

  @Test
  void aSpanStillOpenButNotCurrentIsNotALeakedScope() throws Exception {
    Span open = onTestThread(() -> tracer.spanBuilder("in flight").startSpan());
    Optional<ContextLeak> leak = onTestThread(() -> ContextLeakProbe.takeFromCurrentThread(sdk.startedSpans()));

    assertThat(leak).isEmpty();
    assertThat(check(leak)).isEmpty();
    open.end();
  }
}
