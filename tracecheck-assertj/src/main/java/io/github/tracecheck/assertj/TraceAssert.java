package io.github.tracecheck.assertj;

import static io.github.tracecheck.assertj.error.ShouldContainSpan.shouldContainOneSpan;
import static io.github.tracecheck.assertj.error.ShouldHave.shouldHave;
import static io.github.tracecheck.assertj.error.ShouldHavePath.shouldHavePath;
import static io.github.tracecheck.assertj.error.ShouldMatchShape.shouldMatchShape;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.render.SpanLabel;
import io.github.tracecheck.render.TraceTreeRenderer;
import io.opentelemetry.api.trace.SpanKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one trace: its root, its spans, paths through it and its whole shape. Every
 * failure draws the trace, with the spans it is about marked.
 *
 * <pre>{@code
 * assertThat(trace)
 *     .hasRootNamed("POST /checkout")
 *     .hasPath("POST /checkout", "orders publish", "orders process")
 *     .containsShape(span("POST /checkout").children(span("orders process").kind(CONSUMER)));
 * }</pre>
 */
public class TraceAssert extends AbstractAssert<TraceAssert, Trace> {

  public TraceAssert(Trace actual) {
    super(actual, TraceAssert.class);
  }

  public TraceAssert hasSpanCount(int expected) {
    isNotNull();
    if (actual.size() != expected) {
      fail("number of spans", String.valueOf(expected), String.valueOf(actual.size()), List.of());
    }
    return myself;
  }

  /** The trace has one root, with this name. */
  public TraceAssert hasRootNamed(String expectedName) {
    SpanNode root = singleRoot();
    if (!root.name().equals(expectedName)) {
      fail("root named", quote(expectedName), SpanLabel.of(root), List.of(root));
    }
    return myself;
  }

  /** Continues with the root span; fails unless the trace has exactly one root. */
  public SpanNodeAssert root() {
    return new SpanNodeAssert(singleRoot());
  }

  /** Checks the root span with the given requirements; works inside soft assertions. */
  public TraceAssert hasRootSatisfying(Consumer<SpanNodeAssert> requirements) {
    requirements.accept(root());
    return myself;
  }

  /** Continues with the one span of this name; fails when there is none or more than one. */
  public SpanNodeAssert span(String name) {
    return span(SpanQuery.named(name));
  }

  /** Continues with the one span of this name and kind. */
  public SpanNodeAssert span(String name, SpanKind kind) {
    return span(SpanQuery.named(name).kind(kind));
  }

  /** Continues with the one span the query matches; fails when there is none or more than one. */
  public SpanNodeAssert span(SpanQuery query) {
    return new SpanNodeAssert(singleSpan(query));
  }

  /** Checks the one span the query matches with the given requirements; works inside soft assertions. */
  public TraceAssert hasSpanSatisfying(SpanQuery query, Consumer<SpanNodeAssert> requirements) {
    requirements.accept(span(query));
    return myself;
  }

  /** The trace has exactly one span the query matches. */
  public TraceAssert hasSpan(SpanQuery query) {
    singleSpan(query);
    return myself;
  }

  /** The trace has a span of this name. */
  public TraceAssert hasSpanNamed(String name) {
    isNotNull();
    if (actual.spansNamed(name).isEmpty()) {
      throwAssertionError(
          shouldContainOneSpan(actual.traceId(), SpanQuery.named(name).toString(), 0, draw(List.of())));
    }
    return myself;
  }

  /**
   * Spans with these names form a chain, each one a direct child of the one before, e.g. {@code
   * hasPath("POST /checkout", "orders publish", "orders process")}.
   */
  public TraceAssert hasPath(String... names) {
    return path(false, names);
  }

  /**
   * Spans with these names form a chain, each one a descendant (at any depth) of the one before:
   * intermediate spans between them are allowed.
   */
  public TraceAssert hasDescendantPath(String... names) {
    return path(true, names);
  }

  /** The whole tree is exactly this shape: one root, and every span's children as listed. */
  public TraceAssert hasShape(SpanShape shape) {
    return shape(shape, true);
  }

  /** The tree contains at least this shape: listed spans may be descendants, others are allowed. */
  public TraceAssert containsShape(SpanShape shape) {
    return shape(shape, false);
  }

  private TraceAssert shape(SpanShape shape, boolean exact) {
    isNotNull();
    Objects.requireNonNull(shape, "shape");
    ShapeMatcher.Mismatch mismatch = new ShapeMatcher(actual, exact).match(shape);
    if (mismatch != null) {
      List<SpanNode> marked = mismatch.span == null ? List.of() : List.of(mismatch.span);
      throwAssertionError(
          shouldMatchShape(
              actual.traceId(), exact ? "exactly" : "at least", shape.toString(), mismatch.reason, draw(marked)));
    }
    return myself;
  }

  private TraceAssert path(boolean descendants, String... names) {
    isNotNull();
    if (names.length == 0) {
      throw new IllegalArgumentException("a path needs at least one span name");
    }
    // Frontier: the spans that end a matched prefix of the path.
    List<SpanNode> frontier = actual.spansNamed(names[0]);
    int matched = frontier.isEmpty() ? 0 : 1;
    for (int i = 1; i < names.length && !frontier.isEmpty(); i++) {
      List<SpanNode> next = new ArrayList<>();
      for (SpanNode node : frontier) {
        collectNamed(node, names[i], descendants, next);
      }
      if (next.isEmpty()) {
        break;
      }
      frontier = next;
      matched++;
    }
    if (matched < names.length) {
      String relation = descendants ? "each span below the one before" : "each span a child of the one before";
      throwAssertionError(shouldHavePath(actual.traceId(), List.of(names), relation, matched, draw(frontier)));
    }
    return myself;
  }

  private static void collectNamed(SpanNode from, String name, boolean descendants, List<SpanNode> out) {
    if (!descendants) {
      for (SpanNode child : from.children()) {
        if (child.name().equals(name)) {
          out.add(child);
        }
      }
      return;
    }
    List<SpanNode> stack = new ArrayList<>(from.children());
    while (!stack.isEmpty()) {
      SpanNode node = stack.remove(stack.size() - 1);
      if (node.name().equals(name) && !out.contains(node)) {
        out.add(node);
      }
      stack.addAll(node.children());
    }
  }

  private SpanNode singleRoot() {
    isNotNull();
    if (actual.roots().size() != 1) {
      fail("exactly one root", "1", actual.roots().size() + " roots (marked)", actual.roots());
    }
    return actual.firstRoot();
  }

  private SpanNode singleSpan(SpanQuery query) {
    isNotNull();
    Objects.requireNonNull(query, "query");
    List<SpanNode> found = new ArrayList<>();
    for (SpanNode node : actual.spans()) {
      if (query.matches(node)) {
        found.add(node);
      }
    }
    if (found.size() != 1) {
      throwAssertionError(shouldContainOneSpan(actual.traceId(), query.toString(), found.size(), draw(found)));
    }
    return found.get(0);
  }

  private void fail(String property, String expected, String found, Collection<SpanNode> marked) {
    throwAssertionError(shouldHave("trace " + actual.traceId(), property, expected, found, draw(marked)));
  }

  private String draw(Collection<SpanNode> marked) {
    return TraceTreeRenderer.create().render(actual, Set.copyOf(marked));
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }
}
