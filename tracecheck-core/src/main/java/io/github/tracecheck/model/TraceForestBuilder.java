package io.github.tracecheck.model;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Groups spans into traces and links each span to its parent. Every step is a loop over arrays or
 * an explicit stack: a chain of a million spans must not overflow the call stack.
 */
final class TraceForestBuilder {

  private static final Comparator<SpanNode> BY_START =
      Comparator.<SpanNode>comparingLong(n -> n.startEpochNanos())
          .thenComparing(SpanNode::name)
          .thenComparing(SpanNode::spanId);

  /** The order of a forest's traces: by the start of their earliest span, then by trace id. */
  static final Comparator<Trace> TRACES_BY_START =
      Comparator.comparingLong(Trace::startEpochNanos).thenComparing(Trace::traceId);

  private static final int MAX_NAMES_IN_CYCLE_MESSAGE = 10;

  /** The class of the API's own span contexts, which know whether their ids are valid. */
  private static final Class<?> API_SPAN_CONTEXT = SpanContext.getInvalid().getClass();

  private final Collection<? extends SpanData> spans;
  private final List<ForestProblem> allProblems = new ArrayList<>();

  TraceForestBuilder(Collection<? extends SpanData> spans) {
    this.spans = spans;
  }

  TraceForest build() {
    Map<String, List<SpanNode>> nodesByTrace = new LinkedHashMap<>();
    int index = 0;
    // Spans of one process come in runs: its resource's service name is read once per run.
    Resource lastResource = null;
    String lastService = null;
    // Spans of one trace mostly come together: the trace's list is looked up once per run of them.
    String lastTraceId = null;
    List<SpanNode> lastTrace = null;
    for (SpanData span : spans) {
      if (span == null) {
        throw new IllegalArgumentException("span #" + index + " of the captured spans is null");
      }
      String traceId = span.getTraceId() == null ? "" : span.getTraceId();
      Resource resource = span.getResource();
      if (resource != lastResource) {
        lastResource = resource;
        lastService = SpanNode.serviceNameOf(resource);
      }
      if (lastTrace == null || !traceId.equals(lastTraceId)) {
        lastTraceId = traceId;
        lastTrace = nodesByTrace.computeIfAbsent(traceId, id -> new ArrayList<>());
      }
      lastTrace.add(new SpanNode(span, lastService));
      index++;
    }
    List<Trace> traces = new ArrayList<>(nodesByTrace.size());
    Map<String, Trace> tracesById = new HashMap<>(nodesByTrace.size() * 2);
    for (Map.Entry<String, List<SpanNode>> entry : nodesByTrace.entrySet()) {
      Trace trace = new TraceBuild(entry.getKey(), entry.getValue()).build();
      traces.add(trace);
      tracesById.put(trace.traceId(), trace);
      allProblems.addAll(trace.problems());
    }
    traces.sort(TRACES_BY_START);
    return new TraceForest(traces, tracesById, allProblems);
  }

  /**
   * Whether the span id is 16 lowercase hex digits, not all zeros. The API's own span context knows
   * without reading the id again: it checked the id when it was made, or was made by the SDK's
   * random id generator, whose ids need no check (an invalid id is never kept: it holds the invalid
   * one instead). Any other context, or a span whose id is not its context's, has its id read.
   */
  private static boolean hasValidSpanId(SpanNode node, String spanId) {
    SpanContext context = node.data().getSpanContext();
    // The same string, not an equal one: the id the span gives is its context's.
    if (context != null && context.getClass() == API_SPAN_CONTEXT && context.getSpanId() == spanId && context.isValid()) {
      return true;
    }
    return SpanId.isValid(spanId);
  }

  /**
   * The build of one trace: nodes are addressed by their index in {@code nodes}, and each node's
   * children are a range of one array ({@code children[childStart[n]]} to {@code
   * children[childStart[n + 1] - 1]}), not a list per node.
   */
  private static final class TraceBuild {
    private final String traceId;
    private final SpanNode[] nodes;
    private final int[] parent;
    private int[] childStart;
    private SpanNode[] children;
    private final Map<String, SpanNode> byId;
    private final List<ForestProblem> problems = new ArrayList<>();

    TraceBuild(String traceId, List<SpanNode> nodes) {
      this.traceId = traceId;
      this.nodes = nodes.toArray(new SpanNode[0]);
      this.parent = new int[this.nodes.length];
      this.byId = new HashMap<>(this.nodes.length * 2);
    }

    Trace build() {
      indexSpans();
      linkParents();
      List<Integer> roots = rootsAfterBreakingCycles();
      for (int n = 0; n < nodes.length; n++) {
        if (childStart[n + 1] - childStart[n] > 1) {
          Arrays.sort(children, childStart[n], childStart[n + 1], BY_START); // stable, as List.sort
        }
      }
      List<SpanNode> rootNodes = new ArrayList<>(roots.size());
      for (int r : roots) {
        rootNodes.add(nodes[r]);
      }
      rootNodes.sort(BY_START);
      List<SpanNode> treeOrder = new ArrayList<>(nodes.length);
      Trace trace = new Trace(traceId, rootNodes, treeOrder, nodes, problems);
      attachInTreeOrder(trace, rootNodes, treeOrder);
      return trace;
    }

    private void indexSpans() {
      if (!TraceId.isValid(traceId)) {
        problems.add(
            new ForestProblem(
                ForestProblem.Kind.INVALID_TRACE_ID,
                nodes[0],
                "trace id '" + traceId + "' of " + nodes.length
                    + " span(s) is not 32 lowercase hex digits, or is all zeros"));
      }
      for (int i = 0; i < nodes.length; i++) {
        SpanNode node = nodes[i];
        node.buildIndex = i;
        String spanId = node.spanId();
        if (!hasValidSpanId(node, spanId)) {
          problems.add(
              new ForestProblem(
                  ForestProblem.Kind.INVALID_SPAN_ID,
                  node,
                  "span '" + node.name() + "' has span id '" + spanId
                      + "', which is not 16 lowercase hex digits, or is all zeros"));
          continue;
        }
        SpanNode first = byId.putIfAbsent(spanId, node);
        if (first != null) {
          problems.add(
              new ForestProblem(
                  ForestProblem.Kind.DUPLICATE_SPAN_ID,
                  node,
                  "span '" + node.name() + "' has span id " + spanId
                      + ", already used by span '" + first.name() + "' of the same trace; children are attached to the first"));
        }
      }
    }

    /** Finds each node's parent, then lays out the children of each node, in the order the nodes came. */
    private void linkParents() {
      int[] childCount = new int[nodes.length + 1];
      for (int i = 0; i < nodes.length; i++) {
        parent[i] = -1;
        SpanNode node = nodes[i];
        if (!node.hasParentSpanId()) {
          continue;
        }
        String parentId = node.data().getParentSpanId();
        if (parentId.equals(node.spanId())) {
          problems.add(
              new ForestProblem(
                  ForestProblem.Kind.SELF_PARENT,
                  node,
                  "span '" + node.name() + "' (" + parentId + ") names itself as its parent;"
                      + " it is treated as a root"));
          continue;
        }
        SpanNode p = byId.get(parentId);
        if (p != null) {
          parent[i] = p.buildIndex;
          childCount[p.buildIndex]++;
        }
      }
      childStart = new int[nodes.length + 1];
      for (int n = 0; n < nodes.length; n++) {
        childStart[n + 1] = childStart[n] + childCount[n];
      }
      children = new SpanNode[childStart[nodes.length]];
      int[] next = childCount; // reused: where the next child of each node goes
      System.arraycopy(childStart, 0, next, 0, nodes.length);
      for (int i = 0; i < nodes.length; i++) {
        if (parent[i] >= 0) {
          children[next[parent[i]]++] = nodes[i];
        }
      }
    }

    /** Whether the child is still under the node: a cut cycle leaves it in the node's range, as a root. */
    private boolean isChildOf(SpanNode child, int n) {
      return parent[child.buildIndex] == n;
    }

    /**
     * Returns the indexes of the roots. Spans not reachable from a natural root hang below a parent
     * cycle; each cycle is cut above its earliest span, which becomes a root.
     */
    private List<Integer> rootsAfterBreakingCycles() {
      boolean[] reached = new boolean[nodes.length];
      int[] stack = new int[nodes.length];
      List<Integer> roots = new ArrayList<>();
      for (int i = 0; i < nodes.length; i++) {
        if (parent[i] < 0) {
          roots.add(i);
          markSubtree(i, reached, stack);
        }
      }
      boolean[] walked = null;
      for (int i = 0; i < nodes.length; i++) {
        if (reached[i]) {
          continue;
        }
        if (walked == null) {
          walked = new boolean[nodes.length];
        }
        // Walk up until a span repeats: that span is on the cycle that cuts this chain off.
        int x = i;
        while (!walked[x]) {
          walked[x] = true;
          x = parent[x];
        }
        int cut = earliestOnCycle(x);
        parent[cut] = -1;
        roots.add(cut);
        markSubtree(cut, reached, stack);
      }
      return roots;
    }

    private int earliestOnCycle(int onCycle) {
      int earliest = onCycle;
      List<String> names = new ArrayList<>();
      int length = 0;
      int y = onCycle;
      do {
        if (BY_START.compare(nodes[y], nodes[earliest]) < 0) {
          earliest = y;
        }
        if (names.size() < MAX_NAMES_IN_CYCLE_MESSAGE) {
          names.add("'" + nodes[y].name() + "' (" + nodes[y].spanId() + ")");
        }
        length++;
        y = parent[y];
      } while (y != onCycle);
      StringJoiner cycle = new StringJoiner(" -> child of ");
      names.forEach(cycle::add);
      String more = length > names.size() ? " -> ... (" + length + " spans in all)" : "";
      problems.add(
          new ForestProblem(
              ForestProblem.Kind.PARENT_CYCLE,
              nodes[earliest],
              "parent links form a cycle: " + cycle + more + "; the cycle is cut above '"
                  + nodes[earliest].name() + "', the earliest of its spans, which is treated as a root"));
      return earliest;
    }

    /** Marks the subtree of {@code start}; {@code stack} has room for every node (each is pushed once). */
    private void markSubtree(int start, boolean[] reached, int[] stack) {
      int top = 0;
      stack[top++] = start;
      while (top > 0) {
        int n = stack[--top];
        if (reached[n]) {
          continue;
        }
        reached[n] = true;
        for (int c = childStart[n]; c < childStart[n + 1]; c++) {
          SpanNode child = children[c];
          if (isChildOf(child, n) && !reached[child.buildIndex]) {
            stack[top++] = child.buildIndex;
          }
        }
      }
    }

    private void attachInTreeOrder(Trace trace, List<SpanNode> roots, List<SpanNode> treeOrder) {
      int[] depth = new int[nodes.length];
      int[] stack = new int[nodes.length];
      int top = 0;
      for (int r = roots.size() - 1; r >= 0; r--) {
        stack[top++] = roots.get(r).buildIndex;
      }
      while (top > 0) {
        int n = stack[--top];
        List<SpanNode> kids = childrenOf(n);
        SpanNode parentNode = parent[n] < 0 ? null : nodes[parent[n]];
        nodes[n].attach(trace, parentNode, kids, depth[n]);
        treeOrder.add(nodes[n]);
        for (int c = kids.size() - 1; c >= 0; c--) {
          int ci = kids.get(c).buildIndex;
          depth[ci] = depth[n] + 1;
          stack[top++] = ci;
        }
      }
    }

    /** The node's children, in start order, as an unmodifiable list; a cut cycle's root is left out. */
    private List<SpanNode> childrenOf(int n) {
      int from = childStart[n];
      int to = childStart[n + 1];
      int count = 0;
      for (int c = from; c < to; c++) {
        if (isChildOf(children[c], n)) {
          count++;
        }
      }
      if (count == to - from) {
        return switch (count) {
          case 0 -> List.of();
          case 1 -> List.of(children[from]);
          case 2 -> List.of(children[from], children[from + 1]);
          default -> List.of(Arrays.copyOfRange(children, from, to));
        };
      }
      List<SpanNode> kept = new ArrayList<>(count);
      for (int c = from; c < to; c++) {
        if (isChildOf(children[c], n)) {
          kept.add(children[c]);
        }
      }
      return List.copyOf(kept);
    }
  }
}
