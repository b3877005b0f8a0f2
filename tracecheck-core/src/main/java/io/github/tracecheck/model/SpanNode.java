package io.github.tracecheck.model;

import io.github.tracecheck.model.internal.DerivedSlot;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One captured span in its place in a {@link Trace}: its parent, its children (ordered by start
 * time), its depth, and the service that produced it.
 *
 * <p>Nodes are built by {@link TraceForest#of(java.util.Collection)} and never change afterwards.
 */
public final class SpanNode {

  static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  static {
    DerivedSlot.bind(new DerivedSlot.Access() {
      @Override
      public Object get(SpanNode node) {
        return node.derived;
      }

      @Override
      public void set(SpanNode node, Object value) {
        node.derived = value;
      }
    });
  }

  private final SpanData span;
  // Read when the node is made, with the span's other ids: the rules and lookups by id ask for it
  // without reaching the span and its context again.
  private final String spanId;
  private final String serviceName;
  // Read from the span when the node is made, while the span is at hand: the cross-trace rules sort
  // and scan every node by them, and the node sits in memory next to its neighbours, the span does not.
  private final SpanKind kind;
  private final long startEpochNanos;
  private final long endEpochNanos;
  private final boolean hasLinks;
  // The parent context's flags, read with its id while the forest is built: the hops ask them of
  // every producer's children and every root.
  private final boolean hasParentSpanId;
  private final boolean hasRemoteParent;
  // The fields below are filled in while the forest is built, then frozen.
  private SpanNode parent;
  private List<SpanNode> children = Collections.emptyList();
  private int depth;
  private int positionInTrace;
  private Trace trace;
  private List<LogRecordData> logRecords; // null until a record is attached: most spans log nothing
  // What readers derived from the span once (see DerivedSlot). Not volatile: a fence per span costs more
  // than the reading saves; values are immutable, with final fields, so a racy read sees them whole.
  private Object derived;

  /**
   * A node whose resource's service name, span id and parent context were already read: spans of one
   * resource share the name, the id is {@code span.getSpanId()} and the parent context {@code
   * span.getParentSpanContext()}.
   */
  SpanNode(SpanData span, String serviceName, String spanId, SpanContext parentContext) {
    this.span = span;
    this.spanId = spanId;
    this.hasParentSpanId = parentContext.isValid();
    this.hasRemoteParent = parentContext.isRemote();
    this.serviceName = serviceName;
    this.kind = span.getKind();
    this.startEpochNanos = span.getStartEpochNanos();
    this.endEpochNanos = span.getEndEpochNanos();
    List<LinkData> links = span.getLinks();
    this.hasLinks = links != null && !links.isEmpty(); // null only from a SpanData breaking its contract: the forest still builds
  }

  /** The resource's {@code service.name}, or "". */
  static String serviceNameOf(Resource resource) {
    String service = resource.getAttribute(SERVICE_NAME);
    return service == null ? "" : service;
  }

  /** The captured span, as the SDK exported it. */
  public SpanData data() {
    return span;
  }

  public String name() {
    return span.getName();
  }

  public SpanKind kind() {
    return kind;
  }

  /** When the span started, as {@code data().getStartEpochNanos()}. */
  public long startEpochNanos() {
    return startEpochNanos;
  }

  /** When the span ended, as {@code data().getEndEpochNanos()}. */
  public long endEpochNanos() {
    return endEpochNanos;
  }

  /** The span's id, as {@code data().getSpanId()}. */
  public String spanId() {
    return spanId;
  }

  public String traceId() {
    return span.getTraceId();
  }

  /** The {@code service.name} resource attribute of the process that produced the span, or "". */
  public String serviceName() {
    return serviceName;
  }

  /** The trace this span belongs to. */
  public Trace trace() {
    return trace;
  }

  /** The parent span, if it was captured; empty for roots (including roots whose parent is missing). */
  public Optional<SpanNode> parent() {
    return Optional.ofNullable(parent);
  }

  /** Children ordered by start time, then by name and span id so that the order is deterministic. */
  public List<SpanNode> children() {
    return children;
  }

  /**
   * The log records emitted while this span was current (their span context is this span's), in
   * the order they were emitted; empty unless the forest was built with log records.
   */
  public List<LogRecordData> logRecords() {
    return logRecords == null ? List.of() : Collections.unmodifiableList(logRecords);
  }

  void addLogRecord(LogRecordData record) {
    if (logRecords == null) {
      logRecords = new ArrayList<>(2);
    }
    logRecords.add(record);
  }

  /** Distance from the root of its tree: 0 for a root. */
  public int depth() {
    return depth;
  }

  /** Where the span is in its trace's {@link Trace#spans()}: 0 for the first root. */
  public int positionInTrace() {
    return positionInTrace;
  }

  /** True when the span has no captured parent: a true root, or a span whose parent is missing. */
  public boolean isRoot() {
    return parent == null;
  }

  /** True when the span declares a parent span id: whether or not that parent was captured. */
  public boolean hasParentSpanId() {
    return hasParentSpanId;
  }

  /**
   * True when the span declares a parent that is not among the captured spans of its trace: a
   * dangling parent, usually a span that was never ended or not exported.
   */
  public boolean hasMissingParent() {
    return parent == null
        && hasParentSpanId()
        && trace.span(span.getParentSpanId()).isEmpty();
  }

  /** True when the parent context came from another process (it was extracted from a carrier). */
  public boolean hasRemoteParent() {
    return hasRemoteParent;
  }

  /**
   * True when this span is where a process's work in the trace starts: it is a root, or its parent
   * belongs to another service, or its parent context is remote.
   */
  public boolean isLocalRoot() {
    return parent == null || hasRemoteParent() || !parent.serviceName.equals(serviceName);
  }

  /** True when {@code candidate} is this span's parent, grandparent, and so on. */
  public boolean isDescendantOf(SpanNode candidate) {
    // Walks up without recursion; the forest guarantees parent chains are acyclic.
    for (SpanNode p = parent; p != null; p = p.parent) {
      if (p == candidate) {
        return true;
      }
    }
    return false;
  }

  /** The root of the tree this span is in (itself when it is a root). */
  public SpanNode root() {
    SpanNode current = this;
    while (current.parent != null) {
      current = current.parent;
    }
    return current;
  }

  /** The spans from the root of this span's tree down to this span, both included. */
  public List<SpanNode> pathFromRoot() {
    SpanNode[] path = new SpanNode[depth + 1];
    SpanNode current = this;
    for (int i = depth; i >= 0; i--) {
      path[i] = current;
      current = current.parent;
    }
    return List.of(path);
  }

  /** The links this span declared, as captured. */
  public List<LinkData> links() {
    return span.getLinks();
  }

  /** Whether the span declared any link, known without reaching its data. */
  public boolean hasLinks() {
    return hasLinks;
  }

  /** The value of a span attribute, or null. */
  public <T> T attribute(AttributeKey<T> key) {
    return span.getAttributes().get(key);
  }

  public long durationNanos() {
    return endEpochNanos - startEpochNanos;
  }

  void attach(Trace trace, SpanNode parent, List<SpanNode> children, int depth, int positionInTrace) {
    this.trace = trace;
    this.parent = parent;
    this.children = children;
    this.depth = depth;
    this.positionInTrace = positionInTrace;
  }

  @Override
  public String toString() {
    return "SpanNode{" + span.getName() + " " + span.getKind() + " " + span.getSpanId() + "}";
  }
}
