package io.github.tracecheck.assertj;

import io.github.tracecheck.capture.CapturedMetrics;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import java.util.function.Consumer;
import org.assertj.core.api.SoftAssertions;

/**
 * AssertJ's {@link SoftAssertions} with tracecheck's {@code assertThat} overloads: every failure is
 * collected and reported together by {@link #assertAll()}.
 *
 * <pre>{@code
 * TraceCheckSoftAssertions.assertTracesSoftly(softly -> {
 *   softly.assertThat(trace).hasRootNamed("POST /checkout");
 *   softly.assertThat(trace).hasSpanSatisfying(named("orders process"), s -> s.hasKind(CONSUMER));
 * });
 * }</pre>
 *
 * <p>Navigation methods that return another assertion ({@code root()}, {@code span(..)}) are not
 * collected softly by AssertJ; inside soft assertions use their {@code ...Satisfying} variants.
 */
public class TraceCheckSoftAssertions extends SoftAssertions {

  public TraceForestAssert assertThat(TraceForest actual) {
    return proxy(TraceForestAssert.class, TraceForest.class, actual);
  }

  public TraceAssert assertThat(Trace actual) {
    return proxy(TraceAssert.class, Trace.class, actual);
  }

  public SpanNodeAssert assertThat(SpanNode actual) {
    return proxy(SpanNodeAssert.class, SpanNode.class, actual);
  }

  public MetricsAssert assertThat(CapturedMetrics actual) {
    return proxy(MetricsAssert.class, CapturedMetrics.class, actual);
  }

  /** Runs the assertions and fails with every collected error at the end. */
  public static void assertTracesSoftly(Consumer<TraceCheckSoftAssertions> softly) {
    TraceCheckSoftAssertions assertions = new TraceCheckSoftAssertions();
    softly.accept(assertions);
    assertions.assertAll();
  }
}
