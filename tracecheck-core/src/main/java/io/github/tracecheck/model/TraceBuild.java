package io.github.tracecheck.model;

import io.opentelemetry.api.trace.TraceId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * Builds the traces of one forest, one at a time, from what {@link TraceForestBuilder} read of
 * their spans: the spans are not reached again, only their nodes. A span is addressed by its place
 * in its trace (the order the trace's spans came), and each span's children are a range of one
 * array ({@code children[childStart[n]]} to {@code children[childStart[n + 1] - 1]}). The work
 * arrays are kept from trace to trace; only what the trace keeps is new.
 */
final class TraceBuild {

  private static final int MAX_NAMES_IN_CYCLE_MESSAGE = 10;

  private final SpanIdIndex byId = new SpanIdIndex();
  private final StartOrder order = new StartOrder();

  // The trace being built, by place.
  private SpanNode[] nodes;
  private int size;
  private String[] ids = new String[0];
  private int[] idHashes = new int[0];
  private String[] parentIds = new String[0];
  private int[] parentIdHashes = new int[0];
  private boolean[] validIds = new boolean[0];
  private long[] starts = new long[0];
  /** The first span of the same id, for a span whose id was already used; -1 otherwise. */
  private int[] firstOfId = new int[0];
  private int[] parent = new int[0];
  private int[] childStart = new int[1];
  private int[] children = new int[0];
  private int[] stack = new int[0];
  private int[] depth = new int[0];
  private boolean[] reached = new boolean[0];
  private boolean[] walked = new boolean[0];
  private List<ForestProblem> problems;

  /** Builds the trace of one group of the spans {@code read} read. */
  Trace build(TraceForestBuilder.SpanGroup group, TraceForestBuilder read) {
    size = group.count;
    ensureCapacity(size);
    nodes = new SpanNode[size];
    for (int i = 0, at = group.first; i < size; i++, at = read.nextOfTrace[at]) {
      SpanNode node = read.nodes[at];
      nodes[i] = node;
      ids[i] = node.spanId();
      idHashes[i] = read.idHashes[at];
      parentIds[i] = read.parentIds[at];
      parentIdHashes[i] = read.parentIdHashes[at];
      validIds[i] = read.validIds[at];
      starts[i] = node.startEpochNanos();
    }
    problems = new ArrayList<>(0);
    order.reset(nodes, starts);
    indexSpans(group.traceId);
    linkParents();
    int[] roots = rootsAfterBreakingCycles();
    for (int n = 0; n < size; n++) {
      if (childStart[n + 1] - childStart[n] > 1) {
        order.sort(children, childStart[n], childStart[n + 1]);
      }
    }
    order.sort(roots, 0, roots.length);
    List<SpanNode> rootNodes = new ArrayList<>(roots.length);
    for (int r : roots) {
      rootNodes.add(nodes[r]);
    }
    SpanNode[] treeOrder = new SpanNode[size];
    Trace trace = new Trace(group.traceId, rootNodes, treeOrder, nodes, problems);
    attachInTreeOrder(trace, roots, treeOrder);
    Arrays.fill(ids, 0, size, null); // kept no longer than the trace's build
    Arrays.fill(parentIds, 0, size, null);
    nodes = null;
    return trace;
  }

  private void ensureCapacity(int spans) {
    if (ids.length >= spans) {
      return;
    }
    int capacity = Math.max(spans, ids.length * 2);
    ids = new String[capacity];
    idHashes = new int[capacity];
    parentIds = new String[capacity];
    parentIdHashes = new int[capacity];
    validIds = new boolean[capacity];
    starts = new long[capacity];
    firstOfId = new int[capacity];
    parent = new int[capacity];
    childStart = new int[capacity + 1];
    children = new int[capacity];
    stack = new int[capacity];
    depth = new int[capacity];
    reached = new boolean[capacity];
    walked = new boolean[capacity];
  }

  private void indexSpans(String traceId) {
    if (!TraceId.isValid(traceId)) {
      problems.add(
          new ForestProblem(
              ForestProblem.Kind.INVALID_TRACE_ID,
              nodes[0],
              "trace id '" + traceId + "' of " + size
                  + " span(s) is not 32 lowercase hex digits, or is all zeros"));
    }
    byId.clear(size);
    for (int i = 0; i < size; i++) {
      firstOfId[i] = -1;
      if (!validIds[i]) {
        problems.add(
            new ForestProblem(
                ForestProblem.Kind.INVALID_SPAN_ID,
                nodes[i],
                "span '" + nodes[i].name() + "' has span id '" + ids[i]
                    + "', which is not 16 lowercase hex digits, or is all zeros"));
        continue;
      }
      int first = byId.putIfAbsent(ids[i], idHashes[i], i);
      if (first >= 0) {
        firstOfId[i] = first;
        problems.add(
            new ForestProblem(
                ForestProblem.Kind.DUPLICATE_SPAN_ID,
                nodes[i],
                "span '" + nodes[i].name() + "' has span id " + ids[i]
                    + ", already used by span '" + nodes[first].name() + "' of the same trace; children are attached to the first"));
      }
    }
  }

  /** Finds each span's parent, then lays out the children of each span, in the order the spans came. */
  private void linkParents() {
    int[] childCount = childStart; // counted in place, then turned into where each range starts
    Arrays.fill(childCount, 0, size + 1, 0);
    for (int i = 0; i < size; i++) {
      parent[i] = -1;
      String parentId = parentIds[i];
      if (parentId == null) {
        continue;
      }
      int p = byId.get(parentId, parentIdHashes[i]);
      if (namesItself(i, parentId, p)) {
        problems.add(
            new ForestProblem(
                ForestProblem.Kind.SELF_PARENT,
                nodes[i],
                "span '" + nodes[i].name() + "' (" + parentId + ") names itself as its parent;"
                    + " it is treated as a root"));
        continue;
      }
      if (p >= 0) {
        parent[i] = p;
        childCount[p + 1]++;
      }
    }
    for (int n = 0; n < size; n++) {
      childStart[n + 1] += childStart[n];
    }
    int[] next = stack; // free until the roots are searched: where the next child of each span goes
    System.arraycopy(childStart, 0, next, 0, size);
    for (int i = 0; i < size; i++) {
      if (parent[i] >= 0) {
        children[next[parent[i]]++] = i;
      }
    }
  }

  /**
   * Whether the span's parent id is its own id, knowing where that id was found ({@code found}, or
   * -1): a valid id is in the index, so it names itself exactly when the id found is its own, or the
   * first of its duplicates. Only an id the index does not hold is compared as text.
   */
  private boolean namesItself(int span, String parentId, int found) {
    if (found == span || (found >= 0 && firstOfId[span] == found)) {
      return true;
    }
    return !validIds[span] && parentId.equals(ids[span]);
  }

  /** Whether the child is still under the node: a cut cycle leaves it in the node's range, as a root. */
  private boolean isChildOf(int child, int n) {
    return parent[child] == n;
  }

  /**
   * Returns the places of the roots. Spans not reachable from a natural root hang below a parent
   * cycle; each cycle is cut above its earliest span, which becomes a root.
   */
  private int[] rootsAfterBreakingCycles() {
    Arrays.fill(reached, 0, size, false);
    int[] roots = new int[4];
    int rootCount = 0;
    for (int i = 0; i < size; i++) {
      if (parent[i] < 0) {
        if (rootCount == roots.length) {
          roots = Arrays.copyOf(roots, rootCount * 2);
        }
        roots[rootCount++] = i;
        markSubtree(i);
      }
    }
    boolean walkedCleared = false;
    for (int i = 0; i < size; i++) {
      if (reached[i]) {
        continue;
      }
      if (!walkedCleared) {
        Arrays.fill(walked, 0, size, false);
        walkedCleared = true;
      }
      // Walk up until a span repeats: that span is on the cycle that cuts this chain off.
      int x = i;
      while (!walked[x]) {
        walked[x] = true;
        x = parent[x];
      }
      int cut = earliestOnCycle(x);
      parent[cut] = -1;
      if (rootCount == roots.length) {
        roots = Arrays.copyOf(roots, rootCount * 2);
      }
      roots[rootCount++] = cut;
      markSubtree(cut);
    }
    return Arrays.copyOf(roots, rootCount);
  }

  private int earliestOnCycle(int onCycle) {
    int earliest = onCycle;
    List<String> names = new ArrayList<>();
    int length = 0;
    int y = onCycle;
    do {
      if (order.compare(y, earliest) < 0) {
        earliest = y;
      }
      if (names.size() < MAX_NAMES_IN_CYCLE_MESSAGE) {
        names.add("'" + nodes[y].name() + "' (" + ids[y] + ")");
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

  /** Marks the subtree of {@code start}; {@code stack} has room for every span (each is pushed once). */
  private void markSubtree(int start) {
    int top = 0;
    stack[top++] = start;
    while (top > 0) {
      int n = stack[--top];
      if (reached[n]) {
        continue;
      }
      reached[n] = true;
      for (int c = childStart[n]; c < childStart[n + 1]; c++) {
        int child = children[c];
        if (isChildOf(child, n) && !reached[child]) {
          stack[top++] = child;
        }
      }
    }
  }

  private void attachInTreeOrder(Trace trace, int[] roots, SpanNode[] treeOrder) {
    int top = 0;
    for (int r = roots.length - 1; r >= 0; r--) {
      stack[top++] = roots[r];
      depth[roots[r]] = 0;
    }
    int placed = 0;
    while (top > 0) {
      int n = stack[--top];
      SpanNode parentNode = parent[n] < 0 ? null : nodes[parent[n]];
      nodes[n].attach(trace, parentNode, childrenOf(n), depth[n], placed);
      treeOrder[placed++] = nodes[n];
      for (int c = childStart[n + 1] - 1; c >= childStart[n]; c--) {
        int child = children[c];
        if (isChildOf(child, n)) {
          depth[child] = depth[n] + 1;
          stack[top++] = child;
        }
      }
    }
  }

  /** The span's children, in start order, as an unmodifiable list; a cut cycle's root is left out. */
  private List<SpanNode> childrenOf(int n) {
    int from = childStart[n];
    int to = childStart[n + 1];
    int count = 0;
    for (int c = from; c < to; c++) {
      if (isChildOf(children[c], n)) {
        count++;
      }
    }
    if (count == 0) {
      return List.of();
    }
    SpanNode[] kept = new SpanNode[count];
    int k = 0;
    for (int c = from; c < to; c++) {
      if (isChildOf(children[c], n)) {
        kept[k++] = nodes[children[c]];
      }
    }
    return List.of(kept);
  }
}
