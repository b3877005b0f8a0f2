package io.github.tracecheck.model;

import io.github.tracecheck.model.internal.SpanDataPrefetch;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Groups spans into traces and links each span to its parent. Each span is read once, in the order
 * given, for everything the build needs (ids, parent, times, service); the traces are then built
 * from what that pass kept, without reaching the spans again. Every step is a loop over arrays or
 * an explicit stack: a chain of a million spans must not overflow the call stack.
 */
final class TraceForestBuilder {

  /** The order of a forest's traces: by the start of their earliest span, then by trace id. */
  static final Comparator<Trace> TRACES_BY_START =
      Comparator.comparingLong(Trace::startEpochNanos).thenComparing(Trace::traceId);

  /** The class of the API's own span contexts, which know whether their ids are valid. */
  private static final Class<?> API_SPAN_CONTEXT = SpanContext.getInvalid().getClass();

  private final Collection<? extends SpanData> spans;

  // What the pass over the spans kept, by the span's place in the order given.
  SpanNode[] nodes;
  /** The span id its parent context names, or null when it names none. */
  String[] parentIds;
  // The hashes of the span's id and of its parent's, read while the span is at hand: the trace's
  // build looks ids up without reaching their strings again.
  int[] idHashes;
  int[] parentIdHashes;
  boolean[] validIds;
  /** The place of the next span of the same trace, or -1 for a trace's last span. */
  int[] nextOfTrace;

  /** Spans brought into cache at a time ({@link SpanDataPrefetch}), a block ahead of those being read. */
  private static final int PREFETCH_BLOCK = 32;

  TraceForestBuilder(Collection<? extends SpanData> spans) {
    this.spans = spans;
  }

  TraceForest build() {
    List<SpanGroup> groups = readSpans();
    List<Trace> traces = new ArrayList<>(groups.size());
    Map<String, Trace> tracesById = new HashMap<>(groups.size() * 2);
    List<ForestProblem> allProblems = new ArrayList<>();
    TraceBuild build = new TraceBuild();
    for (SpanGroup group : groups) {
      Trace trace = build.build(group, this);
      traces.add(trace);
      tracesById.put(trace.traceId(), trace);
      allProblems.addAll(trace.problems());
    }
    traces.sort(TRACES_BY_START);
    return new TraceForest(traces, tracesById, allProblems);
  }

  /** Reads every span once and groups the spans by trace id, the traces in the order they first came. */
  private List<SpanGroup> readSpans() {
    int capacity = Math.max(spans.size(), 16);
    nodes = new SpanNode[capacity];
    parentIds = new String[capacity];
    idHashes = new int[capacity];
    parentIdHashes = new int[capacity];
    validIds = new boolean[capacity];
    nextOfTrace = new int[capacity];
    List<SpanGroup> groups = new ArrayList<>();
    Map<String, SpanGroup> groupsById = new HashMap<>();
    int index = 0;
    // Spans of one process come in runs: its resource's service name is read once per run.
    Resource lastResource = null;
    String lastService = null;
    // Spans of one trace mostly come together: the trace's group is looked up once per run of them.
    SpanGroup group = null;
    // A list read by index has the spans of the next block brought into cache while this block is read.
    List<? extends SpanData> prefetched =
        spans instanceof RandomAccess && spans instanceof List<? extends SpanData> list ? list : null;
    for (SpanData span : spans) {
      if (prefetched != null && index % PREFETCH_BLOCK == 0) {
        int size = prefetched.size();
        SpanDataPrefetch.forForest(
            prefetched, Math.min(index + PREFETCH_BLOCK, size), Math.min(index + 2 * PREFETCH_BLOCK, size));
      }
      if (span == null) {
        throw new IllegalArgumentException("span #" + index + " of the captured spans is null");
      }
      if (index == nodes.length) { // a concurrent collection that grew while it was read
        grow();
      }
      String traceId = span.getTraceId() == null ? "" : span.getTraceId();
      Resource resource = span.getResource();
      if (resource != lastResource) {
        lastResource = resource;
        lastService = SpanNode.serviceNameOf(resource);
      }
      if (group == null || !traceId.equals(group.traceId)) {
        group = groupsById.get(traceId);
        if (group == null) {
          group = new SpanGroup(traceId, index);
          groupsById.put(traceId, group);
          groups.add(group);
        }
      }
      if (group.count > 0) { // the trace's span before links on to this one
        nextOfTrace[group.last] = index;
      }
      group.last = index;
      group.count++;
      nextOfTrace[index] = -1;
      String spanId = span.getSpanId();
      boolean valid = hasValidSpanId(span, spanId);
      validIds[index] = valid;
      idHashes[index] = valid ? spanId.hashCode() : 0;
      SpanContext parentContext = span.getParentSpanContext();
      String parentId = parentContext.isValid() ? parentContext.getSpanId() : null;
      parentIds[index] = parentId;
      parentIdHashes[index] = parentId == null ? 0 : parentId.hashCode();
      nodes[index] = new SpanNode(span, lastService, spanId, parentContext);
      index++;
    }
    return groups;
  }

  private void grow() {
    int capacity = nodes.length * 2;
    nodes = Arrays.copyOf(nodes, capacity);
    parentIds = Arrays.copyOf(parentIds, capacity);
    idHashes = Arrays.copyOf(idHashes, capacity);
    parentIdHashes = Arrays.copyOf(parentIdHashes, capacity);
    validIds = Arrays.copyOf(validIds, capacity);
    nextOfTrace = Arrays.copyOf(nextOfTrace, capacity);
  }

  /**
   * Whether the span id is 16 lowercase hex digits, not all zeros. The API's own span context knows
   * without reading the id again: it checked the id when it was made, or was made by the SDK's
   * random id generator, whose ids need no check (an invalid id is never kept: it holds the invalid
   * one instead). Any other context, or a span whose id is not its context's, has its id read.
   */
  private static boolean hasValidSpanId(SpanData span, String spanId) {
    SpanContext context = span.getSpanContext();
    // The same string, not an equal one: the id the span gives is its context's.
    if (context != null && context.getClass() == API_SPAN_CONTEXT && context.getSpanId() == spanId && context.isValid()) {
      return true;
    }
    return SpanId.isValid(spanId);
  }

  /** The spans of one trace id: where the first is, where the last is, and how many there are. */
  static final class SpanGroup {
    final String traceId;
    final int first;
    int last;
    int count;

    SpanGroup(String traceId, int first) {
      this.traceId = traceId;
      this.first = first;
      this.last = first;
    }
  }
}
