package io.github.tracecheck.model;

import io.opentelemetry.api.trace.SpanId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All captured spans of one trace id, as one or more trees.
 *
 * <p>A well-propagated trace has exactly one root. Several roots mean spans whose parent was not
 * captured (dangling parents) or malformed input; {@link #problems()} says which.
 */
public final class Trace {

  private final String traceId;
  private final List<SpanNode> roots;
  private final SpanNode[] treeOrder;
  private final List<SpanNode> spansInTreeOrder;
  /** The spans as captured: of spans sharing an id, the first captured is the one looked up. */
  private final SpanNode[] spansInCaptureOrder;
  /**
   * Made on the first lookup by id: most traces are never looked up, and a checker holding many of
   * them should not hold a map for each. Rules of one check may look up from two threads; either
   * may make it, and both make the same.
   */
  private volatile Map<String, SpanNode> spansById;
  private final List<ForestProblem> problems;
  // kept: forests sort their traces by it, once per forest a trace is in
  private final long startEpochNanos;

  Trace(
      String traceId,
      List<SpanNode> roots,
      SpanNode[] spansInTreeOrder,
      SpanNode[] spansInCaptureOrder,
      List<ForestProblem> problems) {
    this.traceId = traceId;
    this.roots = Collections.unmodifiableList(roots);
    this.treeOrder = spansInTreeOrder;
    this.spansInTreeOrder = Collections.unmodifiableList(Arrays.asList(spansInTreeOrder));
    this.spansInCaptureOrder = spansInCaptureOrder;
    this.problems = Collections.unmodifiableList(problems);
    long start = Long.MAX_VALUE;
    for (SpanNode root : roots) {
      start = Math.min(start, root.startEpochNanos());
    }
    this.startEpochNanos = start;
  }

  public String traceId() {
    return traceId;
  }

  /** The roots of the trace's trees, earliest first. */
  public List<SpanNode> roots() {
    return roots;
  }

  /** The earliest root: the span where the trace started. */
  public SpanNode firstRoot() {
    return roots.get(0);
  }

  /** Every span of the trace in depth-first order: each root, then its subtree, children by start time. */
  public List<SpanNode> spans() {
    return spansInTreeOrder;
  }

  /**
   * Every span of the trace in the order it was captured (the order given to {@link
   * TraceForest#of(java.util.Collection)}): the same spans as {@link #spans()}. A pass that reads
   * every span's data is faster in this order, which is usually the order the data sits in memory.
   */
  public List<SpanNode> spansAsCaptured() {
    // a view made on each call: a trace held by a long-running checker keeps no second list
    return Collections.unmodifiableList(Arrays.asList(spansInCaptureOrder));
  }

  public int size() {
    return treeOrder.length;
  }

  /** Adds every span, in tree order, to {@code all}: no copy of the list made on the way. */
  void addSpansTo(List<SpanNode> all) {
    for (SpanNode node : treeOrder) {
      all.add(node);
    }
  }

  /** The span with this span id; when the id is duplicated, the first one captured. */
  public Optional<SpanNode> span(String spanId) {
    Map<String, SpanNode> byId = spansById;
    if (byId == null) {
      byId = new HashMap<>(spansInCaptureOrder.length * 2);
      for (SpanNode node : spansInCaptureOrder) {
        if (SpanId.isValid(node.spanId())) { // a span with an invalid id is no one's parent
          byId.putIfAbsent(node.spanId(), node);
        }
      }
      spansById = byId;
    }
    return Optional.ofNullable(byId.get(spanId));
  }

  /** The spans with this name, in tree order. */
  public List<SpanNode> spansNamed(String name) {
    List<SpanNode> found = new ArrayList<>();
    for (SpanNode node : spansInTreeOrder) {
      if (node.name().equals(name)) {
        found.add(node);
      }
    }
    return found;
  }

  /** The {@code service.name}s of the processes that produced the trace, in tree order. */
  public Set<String> serviceNames() {
    Set<String> names = new LinkedHashSet<>();
    for (SpanNode node : spansInTreeOrder) {
      names.add(node.serviceName());
    }
    return names;
  }

  /** The spans where each process's part of the trace starts (see {@link SpanNode#isLocalRoot()}). */
  public List<SpanNode> localRoots() {
    List<SpanNode> found = new ArrayList<>();
    for (SpanNode node : spansInTreeOrder) {
      if (node.isLocalRoot()) {
        found.add(node);
      }
    }
    return found;
  }

  /** Malformed input found in this trace while it was built. */
  public List<ForestProblem> problems() {
    return problems;
  }

  /** The start of the earliest root. */
  public long startEpochNanos() {
    return startEpochNanos;
  }

  @Override
  public String toString() {
    return "Trace{" + traceId + ", " + size() + " spans, root " + firstRoot().name() + "}";
  }
}
