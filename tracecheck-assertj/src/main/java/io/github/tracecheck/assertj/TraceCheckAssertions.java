package io.github.tracecheck.assertj;

import io.github.tracecheck.capture.CapturedMetrics;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import java.util.Map;

/**
 * Entry point for tracecheck's assertions: {@code import static
 * io.github.tracecheck.assertj.TraceCheckAssertions.*;} reaches every assertion of this module:
 * captured traces, one trace, one span, worker-pool hops and the trace context in a carrier. The
 * protocol modules have their own entry points ({@code HttpAssertions}, {@code GrpcAssertions},
 * {@code KafkaAssertions}) on the same bases, {@link AbstractHopAssert} and {@link
 * AbstractWireContextAssert}.
 *
 * <pre>{@code
 * assertThat(traces.snapshot()).singleTrace()
 *     .hasShape(span("POST /checkout").kind(SERVER).children(span("SELECT orders").kind(CLIENT)));
 * }</pre>
 */
public class TraceCheckAssertions {

  protected TraceCheckAssertions() {}

  public static TraceForestAssert assertThat(TraceForest actual) {
    return new TraceForestAssert(actual);
  }

  public static TraceAssert assertThat(Trace actual) {
    return new TraceAssert(actual);
  }

  /** Assertions on the metrics recorded in a test and their exemplars ({@code CapturedTraces.metrics()}). */
  public static MetricsAssert assertThat(CapturedMetrics actual) {
    return new MetricsAssert(actual);
  }

  public static SpanNodeAssert assertThat(SpanNode actual) {
    return new SpanNodeAssert(actual);
  }

  /**
   * The worker-pool hop of the task spans with this name: {@code
   * assertThatPoolHop(forest, "process order").isChildOf("POST /checkout").ranOnAnotherThread()}.
   */
  public static PoolHopAssert assertThatPoolHop(TraceForest forest, String taskSpanName) {
    return new PoolHopAssert(forest, taskSpanName);
  }

  /**
   * The trace context in a plain carrier, such as the map a {@code TextMapSetter} filled: {@code
   * assertThatCarrier(headers).hasValidTraceparent().continuesSpan(publishSpan)}.
   */
  public static CarrierAssert assertThatCarrier(Map<String, String> carrier) {
    return new CarrierAssert(carrier);
  }

  /** Starts a {@link SpanShape} for {@link TraceAssert#hasShape} and {@link TraceAssert#containsShape}. */
  public static SpanShape span(String name) {
    return SpanShape.span(name);
  }

  /** Starts a {@link SpanShape} from a query. */
  public static SpanShape span(SpanQuery query) {
    return SpanShape.span(query);
  }
}
