package io.github.tracecheck.assertj;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;

/**
 * Entry point for tracecheck's assertions: {@code import static
 * io.github.tracecheck.assertj.TraceCheckAssertions.*;}
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

  public static SpanNodeAssert assertThat(SpanNode actual) {
    return new SpanNodeAssert(actual);
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
