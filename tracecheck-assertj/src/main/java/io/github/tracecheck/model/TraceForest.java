package io.github.tracecheck.model;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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

  TraceForest(List<Trace> traces, Map<String, Trace> tracesById, List<ForestProblem> problems) {
    this.traces = Collections.unmodifiableList(traces);
    this.tracesById = tracesById;
    this.problems = Collections.unmodifiableList(problems);
  }

  /** Builds the forest of the given spans. Null elements are rejected with a clear message. */
  public static TraceForest of(Collection<? extends SpanData> spans) {
    if (spans.isEmpty()) {
      return EMPTY;
    }
    return new TraceForestBuilder(spans).build();
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

  /** Every span, trace by trace, each trace in tree order. */
  public List<SpanNode> spans() {
    List<SpanNode> all = new ArrayList<>(spanCount());
    for (Trace trace : traces) {
      all.addAll(trace.spans());
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
