package io.github.tracecheck.assertj;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.render.SpanLabel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a {@link SpanShape} against a trace, and explains the first difference when it does not.
 *
 * <p>Exact mode: a shape's children are the span's direct children, one to one. Lenient mode: each
 * listed child is a distinct descendant at any depth, and unlisted spans are allowed. Unordered
 * siblings are assigned with bipartite matching, so that a greedy first choice cannot hide a valid
 * assignment. Results are memoized per (shape, span): the cost is shapes x spans.
 */
final class ShapeMatcher {

  /** Why a match failed, and the span the explanation is about. */
  static final class Mismatch {
    final String reason;
    final SpanNode span;

    Mismatch(String reason, SpanNode span) {
      this.reason = reason;
      this.span = span;
    }
  }

  private final Trace trace;
  private final boolean exact;
  private final Map<SpanShape, Map<SpanNode, Boolean>> memo = new IdentityHashMap<>();

  ShapeMatcher(Trace trace, boolean exact) {
    this.trace = trace;
    this.exact = exact;
  }

  /** Returns null when the trace matches, otherwise the first difference. */
  Mismatch match(SpanShape shape) {
    if (exact) {
      if (trace.roots().size() != 1) {
        return new Mismatch(
            "the trace has " + trace.roots().size() + " roots, the shape has one",
            trace.roots().get(1));
      }
      SpanNode root = trace.firstRoot();
      return matches(shape, root) ? null : explain(shape, root);
    }
    SpanNode firstCandidate = null;
    for (SpanNode node : trace.spans()) {
      if (matches(shape, node)) {
        return null;
      }
      if (firstCandidate == null && shape.query().matches(node)) {
        firstCandidate = node;
      }
    }
    if (firstCandidate == null) {
      return new Mismatch("no span is a " + shape.query(), null);
    }
    return explain(shape, firstCandidate);
  }

  private boolean matches(SpanShape shape, SpanNode node) {
    Map<SpanNode, Boolean> byNode = memo.computeIfAbsent(shape, s -> new IdentityHashMap<>());
    Boolean known = byNode.get(node);
    if (known != null) {
      return known;
    }
    boolean result = shape.query().matches(node) && childrenMatch(shape, node);
    byNode.put(node, result);
    return result;
  }

  private boolean childrenMatch(SpanShape shape, SpanNode node) {
    List<SpanShape> expected = shape.expectedChildren();
    List<SpanNode> candidates = candidates(node);
    if (exact && expected.size() != candidates.size()) {
      return false;
    }
    if (expected.isEmpty()) {
      return true;
    }
    return shape.isOrdered()
        ? matchInOrder(expected, candidates)
        : assignment(expected, candidates) == expected.size();
  }

  /** Direct children in exact mode, every descendant in tree order in lenient mode. */
  private List<SpanNode> candidates(SpanNode node) {
    if (exact) {
      return node.children();
    }
    List<SpanNode> descendants = new ArrayList<>();
    ArrayDeque<SpanNode> stack = new ArrayDeque<>();
    for (int i = node.children().size() - 1; i >= 0; i--) {
      stack.push(node.children().get(i));
    }
    while (!stack.isEmpty()) {
      SpanNode n = stack.pop();
      descendants.add(n);
      for (int i = n.children().size() - 1; i >= 0; i--) {
        stack.push(n.children().get(i));
      }
    }
    return descendants;
  }

  /** Ordered siblings: the earliest possible choice for each is optimal (subsequence matching). */
  private boolean matchInOrder(List<SpanShape> expected, List<SpanNode> candidates) {
    if (exact) {
      for (int i = 0; i < expected.size(); i++) {
        if (!matches(expected.get(i), candidates.get(i))) {
          return false;
        }
      }
      return true;
    }
    int next = 0;
    for (SpanShape shape : expected) {
      while (next < candidates.size() && !matches(shape, candidates.get(next))) {
        next++;
      }
      if (next == candidates.size()) {
        return false;
      }
      next++;
    }
    return true;
  }

  /** Size of a maximum matching of shapes to distinct candidates (Kuhn's augmenting paths). */
  private int assignment(List<SpanShape> expected, List<SpanNode> candidates) {
    int[] ownerOfCandidate = new int[candidates.size()];
    Arrays.fill(ownerOfCandidate, -1);
    int matched = 0;
    for (int s = 0; s < expected.size(); s++) {
      if (augment(s, expected, candidates, ownerOfCandidate, new boolean[candidates.size()])) {
        matched++;
      } else {
        return matched;
      }
    }
    return matched;
  }

  // Recursion depth is bounded by the number of listed siblings, which the user writes by hand.
  private boolean augment(
      int s, List<SpanShape> expected, List<SpanNode> candidates, int[] owner, boolean[] seen) {
    for (int c = 0; c < candidates.size(); c++) {
      if (seen[c] || !matches(expected.get(s), candidates.get(c))) {
        continue;
      }
      seen[c] = true;
      if (owner[c] < 0 || augment(owner[c], expected, candidates, owner, seen)) {
        owner[c] = s;
        return true;
      }
    }
    return false;
  }

  /** Finds the first difference below a span that does not match its shape. */
  private Mismatch explain(SpanShape shape, SpanNode node) {
    SpanShape currentShape = shape;
    SpanNode current = node;
    while (true) {
      if (!currentShape.query().matches(current)) {
        return new Mismatch(
            "span " + SpanLabel.of(current) + " is not a " + currentShape.query(), current);
      }
      List<SpanShape> expected = currentShape.expectedChildren();
      List<SpanNode> candidates = candidates(current);
      String name = "\"" + current.name() + "\"";
      if (exact && expected.size() != candidates.size()) {
        return new Mismatch(
            name + " has " + count(candidates.size(), "child", "children") + ", the shape lists "
                + expected.size(),
            current);
      }
      SpanShape unmatched = null;
      for (SpanShape child : expected) {
        if (candidates.stream().noneMatch(c -> matches(child, c))) {
          unmatched = child;
          break;
        }
      }
      if (unmatched == null) {
        String order = currentShape.isOrdered() ? " in the listed order" : " one to one";
        return new Mismatch(
            "the " + (exact ? "children" : "descendants") + " of " + name
                + " cannot be matched to the listed shapes" + order,
            current);
      }
      SpanShape finalUnmatched = unmatched;
      List<SpanNode> sameSpan = new ArrayList<>();
      for (SpanNode c : candidates) {
        if (finalUnmatched.query().matches(c)) {
          sameSpan.add(c);
        }
      }
      if (sameSpan.size() == 1) {
        // The span is there but something below it differs: explain that instead.
        currentShape = unmatched;
        current = sameSpan.get(0);
        continue;
      }
      String where = exact ? "no child of " : "no descendant of ";
      return new Mismatch(where + name + " is a " + unmatched.query(), current);
    }
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
