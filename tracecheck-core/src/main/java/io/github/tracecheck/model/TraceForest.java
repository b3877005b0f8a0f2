package io.github.tracecheck.model;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of captured spans, grouped by trace id into {@link Trace}s of
 * {@link SpanNode} trees.
 *
 * <pre>{@code
 * TraceForest forest = TraceForest.of(exporter.getFinishedSpanItems());
 * Trace checkout = forest.traces().get(0);
 * SpanNode root = checkout.firstRoot();
 * }</pre>
 *
 * <p>Built in one pass, in time linear in the number of spans, without recursion, so that a chain
 * of any depth cannot overflow the stack. Malformed input never throws: every span is kept, and
 * what was malformed is listed in {@link #problems()}.
 */
public final class TraceForest {

  private static final TraceForest EMPTY = new TraceForest(List.of(), Map.of(), List.of());

  private final List<Trace> traces;
  private final Map<String, Trace> tracesById;
  private final List<ForestProblem> problems;
  private final Map<String, SpanStart> starts;
  private final List<SpanStart> openSpans;
  private final List<ContextLeak> contextLeaks;

  TraceForest(List<Trace> traces, Map<String, Trace> tracesById, List<ForestProblem> problems) {
    this(traces, tracesById, problems, Map.of(), List.of(), List.of());
  }

  private TraceForest(
      List<Trace> traces,
      Map<String, Trace> tracesById,
      List<ForestProblem> problems,
      Map<String, SpanStart> starts,
      List<SpanStart> openSpans,
      List<ContextLeak> contextLeaks) {
    this.traces = Collections.unmodifiableList(traces);
    this.tracesById = tracesById;
    this.problems = Collections.unmodifiableList(problems);
    this.starts = starts;
    this.openSpans = Collections.unmodifiableList(openSpans);
    this.contextLeaks = List.copyOf(contextLeaks);
  }

  /** Builds the forest of the given spans. Null elements are rejected with a clear message. */
  public static TraceForest of(Collection<? extends SpanData> spans) {
    if (spans.isEmpty()) {
      return EMPTY;
    }
    return new TraceForestBuilder(spans).build();
  }

  /**
   * The forest of traces already built by other forests, for a reader that meets the same traces
   * in several overlapping forests (the stream's batches and their neighbourhoods) and builds each
   * trace once. A trace never changes once built, so it may sit in any number of forests. The
   * problems are listed in the order of {@code traces}, as {@link #of(Collection)} lists them in the
   * order the traces' spans came.
   *
   * @param traces traces of distinct ids
   */
  public static TraceForest ofTraces(Collection<Trace> traces) {
    if (traces.isEmpty()) {
      return EMPTY;
    }
    List<Trace> sorted = new ArrayList<>(traces);
    Map<String, Trace> byId = new HashMap<>(traces.size() * 2);
    List<ForestProblem> problems = new ArrayList<>();
    for (Trace trace : traces) {
      if (byId.put(trace.traceId(), trace) != null) {
        throw new IllegalArgumentException("trace " + trace.traceId() + " is given twice");
      }
      problems.addAll(trace.problems());
    }
    sorted.sort(TraceForestBuilder.TRACES_BY_START);
    return new TraceForest(sorted, byId, problems);
  }

  /**
   * Builds the forest of the ended spans, knowing also what a capture saw start: which thread
   * started each span, and which spans started and never ended ({@link #openSpans()}).
   */
  public static TraceForest of(Collection<? extends SpanData> ended, Collection<SpanStart> started) {
    TraceForest forest = of(ended);
    if (started.isEmpty()) {
      return forest;
    }
    Map<String, SpanStart> byKey = new HashMap<>(started.size() * 2);
    List<SpanStart> open = new ArrayList<>();
    for (SpanStart start : started) {
      byKey.put(key(start.spanContext().getTraceId(), start.spanContext().getSpanId()), start);
      if (forest.span(start.spanContext()).isEmpty()) {
        open.add(start);
      }
    }
    return new TraceForest(forest.traces, forest.tracesById, forest.problems, byKey, open, List.of());
  }

  /**
   * Builds the forest of the ended spans and their starts, with the log records emitted while each
   * span was current attached to it ({@link SpanNode#logRecords()}). Records of spans not in the
   * forest, and records emitted with no span current, are left out.
   */
  public static TraceForest of(
      Collection<? extends SpanData> ended, Collection<SpanStart> started, Collection<LogRecordData> logRecords) {
    TraceForest forest = of(ended, started);
    for (LogRecordData record : logRecords) {
      // the forest was just built: attaching to its nodes changes no forest anyone holds
      forest.span(record.getSpanContext()).ifPresent(node -> node.addLogRecord(record));
    }
    return forest;
  }

  /** This forest, with the contexts found still current on a thread after the work was done. */
  public TraceForest withContextLeaks(List<ContextLeak> leaks) {
    return new TraceForest(traces, tracesById, problems, starts, openSpans, leaks);
  }

  public static TraceForest empty() {
    return EMPTY;
  }

  /** The traces, ordered by the start time of their earliest span (then by trace id). */
  public List<Trace> traces() {
    return traces;
  }

  public Optional<Trace> trace(String traceId) {
    return Optional.ofNullable(tracesById.get(traceId));
  }

  /** The captured span with this trace id and span id. */
  public Optional<SpanNode> span(SpanContext context) {
    return trace(context.getTraceId()).flatMap(t -> t.span(context.getSpanId()));
  }

  /** The captured spans a span links to; links to spans that were not captured are left out. */
  public List<SpanNode> linkedSpans(SpanNode node) {
    List<SpanNode> found = new ArrayList<>();
    for (LinkData link : node.links()) {
      span(link.getSpanContext()).ifPresent(found::add);
    }
    return found;
  }

  /** What the capture saw when this span started (its thread), if the forest was built with starts. */
  public Optional<SpanStart> startOf(SpanNode node) {
    return Optional.ofNullable(starts.get(key(node.traceId(), node.spanId())));
  }

  /** Spans that were started and had not ended when the snapshot was taken, in start order. */
  public List<SpanStart> openSpans() {
    return openSpans;
  }

  /** The open span with this context, if there is one. */
  public Optional<SpanStart> openSpan(String traceId, String spanId) {
    for (SpanStart open : openSpans) {
      if (open.spanContext().getTraceId().equals(traceId) && open.spanContext().getSpanId().equals(spanId)) {
        return Optional.of(open);
      }
    }
    return Optional.empty();
  }

  /** Contexts left current on a thread (a {@code Scope} never closed), as recorded with this snapshot. */
  public List<ContextLeak> contextLeaks() {
    return contextLeaks;
  }

  private static String key(String traceId, String spanId) {
    return traceId + '/' + spanId;
  }

  /** Every span, trace by trace, each trace in tree order. */
  public List<SpanNode> spans() {
    List<SpanNode> all = new ArrayList<>(spanCount());
    for (Trace trace : traces) {
      trace.addSpansTo(all);
    }
    return all;
  }

  public int spanCount() {
    int count = 0;
    for (Trace trace : traces) {
      count += trace.size();
    }
    return count;
  }

  public boolean isEmpty() {
    return traces.isEmpty();
  }

  /** Malformed input found while the forest was built, across all traces. */
  public List<ForestProblem> problems() {
    return problems;
  }

  @Override
  public String toString() {
    return "TraceForest{" + traces.size() + " traces, " + spanCount() + " spans}";
  }
}
