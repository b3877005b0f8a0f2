package io.github.tracecheck.model;

import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
      Comparator.<SpanNode>comparingLong(n -> n.data().getStartEpochNanos())
          .thenComparing(SpanNode::name)
          .thenComparing(SpanNode::spanId);

  /** The order of a forest's traces: by the start of their earliest span, then by trace id. */
  static final Comparator<Trace> TRACES_BY_START =
      Comparator.comparingLong(Trace::startEpochNanos).thenComparing(Trace::traceId);

  private static final int MAX_NAMES_IN_CYCLE_MESSAGE = 10;

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
      nodesByTrace.computeIfAbsent(traceId, id -> new ArrayList<>()).add(new SpanNode(span, lastService));
      index++;
    }
    List<Trace> traces = new ArrayList<>(nodesByTrace.size());
    Map<String, Trace> tracesById = new HashMap<>();
    for (Map.Entry<String, List<SpanNode>> entry : nodesByTrace.entrySet()) {
      Trace trace = new TraceBuild(entry.getKey(), entry.getValue()).build();
      traces.add(trace);
      tracesById.put(trace.traceId(), trace);
      allProblems.addAll(trace.problems());
    }
    traces.sort(TRACES_BY_START);
    return new TraceForest(traces, tracesById, allProblems);
  }

  /** The build of one trace: nodes are addressed by their index in {@code nodes}. */
  private static final class TraceBuild {
    private final String traceId;
    private final SpanNode[] nodes;
    private final int[] parent;
    private final List<List<SpanNode>> children;
    private final Map<String, SpanNode> byId;
    private final List<ForestProblem> problems = new ArrayList<>();

    TraceBuild(String traceId, List<SpanNode> nodes) {
      this.traceId = traceId;
      this.nodes = nodes.toArray(new SpanNode[0]);
      this.parent = new int[this.nodes.length];
      this.children = new ArrayList<>(this.nodes.length);
      this.byId = new HashMap<>(this.nodes.length * 2);
    }

    Trace build() {
      indexSpans();
      linkParents();
      List<Integer> roots = rootsAfterBreakingCycles();
      for (List<SpanNode> list : children) {
        if (list.size() > 1) {
          list.sort(BY_START);
        }
      }
      List<SpanNode> rootNodes = new ArrayList<>(roots.size());
      for (int r : roots) {
        rootNodes.add(nodes[r]);
      }
      rootNodes.sort(BY_START);
      List<SpanNode> treeOrder = new ArrayList<>(nodes.length);
      Trace trace = new Trace(traceId, rootNodes, treeOrder, byId, problems);
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
        children.add(new ArrayList<>(0));
        node.buildIndex = i;
        String spanId = node.spanId();
        if (!SpanId.isValid(spanId)) {
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

    private void linkParents() {
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
          int pi = p.buildIndex;
          parent[i] = pi;
          children.get(pi).add(node);
        }
      }
    }

    /**
     * Returns the indexes of the roots. Spans not reachable from a natural root hang below a parent
     * cycle; each cycle is cut above its earliest span, which becomes a root.
     */
    private List<Integer> rootsAfterBreakingCycles() {
      boolean[] reached = new boolean[nodes.length];
      List<Integer> roots = new ArrayList<>();
      for (int i = 0; i < nodes.length; i++) {
        if (parent[i] < 0) {
          roots.add(i);
          markSubtree(i, reached);
        }
      }
      boolean[] walked = new boolean[nodes.length];
      for (int i = 0; i < nodes.length; i++) {
        if (reached[i]) {
          continue;
        }
        // Walk up until a span repeats: that span is on the cycle that cuts this chain off.
        int x = i;
        while (!walked[x]) {
          walked[x] = true;
          x = parent[x];
        }
        int cut = earliestOnCycle(x);
        int oldParent = parent[cut];
        children.get(oldParent).remove(nodes[cut]);
        parent[cut] = -1;
        roots.add(cut);
        markSubtree(cut, reached);
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

    private void markSubtree(int start, boolean[] reached) {
      ArrayDeque<Integer> stack = new ArrayDeque<>();
      stack.push(start);
      while (!stack.isEmpty()) {
        int n = stack.pop();
        if (reached[n]) {
          continue;
        }
        reached[n] = true;
        for (SpanNode child : children.get(n)) {
          stack.push(child.buildIndex);
        }
      }
    }

    private void attachInTreeOrder(Trace trace, List<SpanNode> roots, List<SpanNode> treeOrder) {
      int[] depth = new int[nodes.length];
      ArrayDeque<Integer> stack = new ArrayDeque<>();
      for (int r = roots.size() - 1; r >= 0; r--) {
        stack.push(roots.get(r).buildIndex);
      }
      while (!stack.isEmpty()) {
        int n = stack.pop();
        List<SpanNode> kids = children.get(n);
        SpanNode parentNode = parent[n] < 0 ? null : nodes[parent[n]];
        nodes[n].attach(trace, parentNode, List.copyOf(kids), depth[n]);
        treeOrder.add(nodes[n]);
        for (int c = kids.size() - 1; c >= 0; c--) {
          int ci = kids.get(c).buildIndex;
          depth[ci] = depth[n] + 1;
          stack.push(ci);
        }
      }
    }
  }
}
