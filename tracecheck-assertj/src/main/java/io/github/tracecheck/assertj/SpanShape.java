package io.github.tracecheck.assertj;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;

/**
 * The expected shape of a trace tree, for {@link TraceAssert#hasShape} (the tree must be exactly
 * this) and {@link TraceAssert#containsShape} (the tree must contain at least this).
 *
 * <pre>{@code
 * assertThat(trace).hasShape(
 *     span("POST /checkout").kind(SERVER).children(
 *         span("auth.Auth/Validate").kind(CLIENT),
 *         span("orders publish").kind(PRODUCER).children(
 *             span("orders process").kind(CONSUMER))));
 * }</pre>
 *
 * <p>Siblings match in any order unless {@link #inOrder()} is called. Immutable: each method
 * returns a new shape.
 */
public final class SpanShape {

  private final SpanQuery query;
  private final List<SpanShape> children;
  private final boolean ordered;

  private SpanShape(SpanQuery query, List<SpanShape> children, boolean ordered) {
    this.query = query;
    this.children = children;
    this.ordered = ordered;
  }

  /** A span with this name. */
  public static SpanShape span(String name) {
    return new SpanShape(SpanQuery.named(name), List.of(), false);
  }

  /** A span matching the query. */
  public static SpanShape span(SpanQuery query) {
    return new SpanShape(Objects.requireNonNull(query, "query"), List.of(), false);
  }

  public SpanShape kind(SpanKind kind) {
    return new SpanShape(query.kind(kind), children, ordered);
  }

  public <T> SpanShape attribute(AttributeKey<T> key, T value) {
    return new SpanShape(query.attribute(key, value), children, ordered);
  }

  public SpanShape attribute(String key, Object value) {
    return new SpanShape(query.attribute(key, value), children, ordered);
  }

  public SpanShape status(StatusCode status) {
    Objects.requireNonNull(status, "status");
    return new SpanShape(
        query.matching(n -> n.data().getStatus().getStatusCode() == status, "status " + status),
        children,
        ordered);
  }

  public SpanShape service(String serviceName) {
    return new SpanShape(query.service(serviceName), children, ordered);
  }

  /** The spans expected below this one: direct children for {@code hasShape}, descendants for {@code containsShape}. */
  public SpanShape children(SpanShape... expectedChildren) {
    for (SpanShape child : expectedChildren) {
      Objects.requireNonNull(child, "children must not contain null");
    }
    return new SpanShape(query, List.of(expectedChildren), ordered);
  }

  /** Requires the children to start in the order they are listed. */
  public SpanShape inOrder() {
    return new SpanShape(query, children, true);
  }

  SpanQuery query() {
    return query;
  }

  List<SpanShape> expectedChildren() {
    return children;
  }

  boolean isOrdered() {
    return ordered;
  }

  /** Draws the shape as a tree, the way failure messages show it. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    ArrayDeque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {this, "", ""});
    while (!stack.isEmpty()) {
      Object[] entry = stack.pop();
      SpanShape shape = (SpanShape) entry[0];
      String linePrefix = (String) entry[1];
      String childPrefix = (String) entry[2];
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(linePrefix).append(shape.query);
      if (shape.ordered && shape.children.size() > 1) {
        out.append(" (children in order)");
      }
      for (int i = shape.children.size() - 1; i >= 0; i--) {
        boolean last = i == shape.children.size() - 1;
        stack.push(
            new Object[] {
              shape.children.get(i),
              childPrefix + (last ? "`-- " : "|-- "),
              childPrefix + (last ? "    " : "|   ")
            });
      }
    }
    return out.toString();
  }
}
