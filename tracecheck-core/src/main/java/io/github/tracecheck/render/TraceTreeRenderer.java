package io.github.tracecheck.render;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Draws traces as indented ASCII trees, one span per line, with chosen spans marked {@code >>}.
 *
 * <pre>
 * trace 0af7651916cd43dd8448eb211c80319c (3 spans)
 *    POST /checkout [SERVER] api-gateway {http.request.method=POST} 12.0 ms
 *    |-- Validate [CLIENT] api-gateway 2.0 ms
 * &gt;&gt; |   `-- Validate [SERVER] auth-service (remote parent) 1.0 ms
 *    `-- orders publish [PRODUCER] api-gateway 1.0 ms
 * </pre>
 *
 * <p>Every assertion and finding draws its trees here, so they all look alike. Large inputs stay
 * readable: at most {@link #DEFAULT_MAX_LINES} spans are drawn (marked spans and their ancestors
 * always are, with their nearest ancestors and their root), and indentation stops growing at depth {@link #MAX_INDENT_DEPTH}.
 */
public final class TraceTreeRenderer {

  public static final int DEFAULT_MAX_LINES = 200;
  static final int MAX_INDENT_DEPTH = 32;
  static final int ANCESTORS_OF_MARKED = 20;

  private static final String MARK = ">> ";
  private static final String NO_MARK = "   ";

  private final int maxLines;

  private TraceTreeRenderer(int maxLines) {
    this.maxLines = maxLines;
  }

  /** A renderer drawing at most {@link #DEFAULT_MAX_LINES} spans. */
  public static TraceTreeRenderer create() {
    return new TraceTreeRenderer(DEFAULT_MAX_LINES);
  }

  /** A renderer drawing at most {@code maxLines} spans besides the marked ones and their ancestors. */
  public static TraceTreeRenderer withMaxLines(int maxLines) {
    if (maxLines < 1) {
      throw new IllegalArgumentException("maxLines must be at least 1, was " + maxLines);
    }
    return new TraceTreeRenderer(maxLines);
  }

  /** Draws one trace with the given spans marked. */
  public String render(Trace trace, Collection<SpanNode> marked) {
    StringBuilder out = new StringBuilder();
    appendTrace(out, trace, Set.copyOf(marked), maxLines);
    return out.toString();
  }

  public String render(Trace trace) {
    return render(trace, Set.of());
  }

  /** Draws every trace of the forest, with the given spans marked. */
  public String render(TraceForest forest, Collection<SpanNode> marked) {
    if (forest.isEmpty()) {
      return "(no spans captured)";
    }
    Set<SpanNode> markedSet = Set.copyOf(marked);
    StringBuilder out = new StringBuilder();
    int budget = maxLines;
    for (Trace trace : forest.traces()) {
      if (out.length() > 0) {
        out.append('\n');
      }
      budget -= appendTrace(out, trace, markedSet, Math.max(budget, 0));
    }
    return out.toString();
  }

  public String render(TraceForest forest) {
    return render(forest, Set.of());
  }

  /** Appends the trace and returns how many spans it drew. */
  private static int appendTrace(StringBuilder out, Trace trace, Set<SpanNode> marked, int budget) {
    out.append("trace ").append(trace.traceId()).append(" (").append(trace.size())
        .append(trace.size() == 1 ? " span" : " spans").append(')');
    Set<SpanNode> mustShow = markedAndAncestors(trace, marked);
    String[] childPrefix = new String[MAX_INDENT_DEPTH + 1];
    SpanNode[] prefixOwner = new SpanNode[MAX_INDENT_DEPTH + 1];
    List<SpanNode> spans = trace.spans();
    int drawn = 0;
    int skipped = 0;
    for (int i = 0; i < spans.size(); i++) {
      SpanNode node = spans.get(i);
      if (drawn >= budget && !mustShow.contains(node)) {
        skipped++;
        continue;
      }
      if (skipped > 0) {
        appendSkipped(out, skipped);
        skipped = 0;
      }
      out.append('\n').append(marked.contains(node) ? MARK : NO_MARK);
      appendIndent(out, node, childPrefix, prefixOwner);
      out.append(SpanLabel.of(node));
      drawn++;
    }
    if (skipped > 0) {
      appendSkipped(out, skipped);
    }
    return drawn;
  }

  private static void appendIndent(
      StringBuilder out, SpanNode node, String[] childPrefix, SpanNode[] prefixOwner) {
    int depth = node.depth();
    if (depth == 0) {
      childPrefix[0] = "";
      prefixOwner[0] = node;
      return;
    }
    SpanNode parent = node.parent().orElseThrow();
    List<SpanNode> siblings = parent.children();
    boolean last = siblings.get(siblings.size() - 1) == node;
    int level = Math.min(depth, MAX_INDENT_DEPTH);
    // The parent's prefix is known when the parent was drawn; when it was left out (a long chain of
    // ancestors), plain indentation stands in for it.
    String base =
        prefixOwner[level - 1] == parent ? childPrefix[level - 1] : "    ".repeat(level - 1);
    out.append(base).append(last ? "`-- " : "|-- ");
    if (depth >= MAX_INDENT_DEPTH) {
      out.append("[depth ").append(depth).append("] ");
    } else {
      childPrefix[level] = base + (last ? "    " : "|   ");
      prefixOwner[level] = node;
    }
  }

  private static void appendSkipped(StringBuilder out, int skipped) {
    out.append('\n').append(NO_MARK).append("... ").append(skipped)
        .append(skipped == 1 ? " span" : " spans").append(" not shown");
  }

  /**
   * The spans that are drawn whatever the line budget: the marked spans, the nearest {@link
   * #ANCESTORS_OF_MARKED} ancestors of each, and their roots.
   */
  private static Set<SpanNode> markedAndAncestors(Trace trace, Set<SpanNode> marked) {
    if (marked.isEmpty()) {
      return Set.of();
    }
    Set<SpanNode> result = new HashSet<>();
    for (SpanNode node : marked) {
      if (node.trace() != trace) {
        continue;
      }
      SpanNode n = node;
      for (int up = 0; n != null && up <= ANCESTORS_OF_MARKED; up++) {
        result.add(n);
        n = n.parent().orElse(null);
      }
      result.add(node.root());
    }
    return result;
  }
}
