package io.github.tracecheck.stream;

import io.github.tracecheck.model.Trace;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The spans of one trace held by the {@link WindowedChecker}, and where the trace stands. */
final class PendingTrace {

  enum State {
    /** Spans may still come: waiting for the window to pass. */
    IN_FLIGHT,
    /** Quiet: checked with the next batch. */
    READY,
    /** Checked, and kept as a neighbour for the cross-trace rules of later traces. */
    CHECKED
  }

  final String traceId;
  final List<SpanData> spans = new ArrayList<>();
  /**
   * The findings already reported, so that a trace re-checked after a late span reports only what
   * is new; made with the first finding, as most traces have none.
   */
  private Set<String> reported;
  State state = State.IN_FLIGHT;
  /** Spans of a trace checked and dropped before: its parents were seen then, so none is dangling now. */
  boolean remainder;
  long firstStart = Long.MAX_VALUE;
  long lastEnd = Long.MIN_VALUE;
  /** The {@link #lastEnd} the trace was queued with; a later one means it was not quiet after all. */
  long queuedEnd;

  /** The trace as last built, from the first {@link #builtSize} spans; a span since means building it again. */
  private Trace built;
  private int builtSize;

  PendingTrace(String traceId) {
    this.traceId = traceId;
  }

  void add(SpanData span) {
    spans.add(span);
    firstStart = Math.min(firstStart, span.getStartEpochNanos());
    lastEnd = Math.max(lastEnd, span.getEndEpochNanos());
  }

  /** Remembers a finding about this trace; false when it was reported before. */
  boolean firstReport(String finding) {
    if (reported == null) {
      reported = new HashSet<>();
    }
    return reported.add(finding);
  }

  /** The trace built from every span held, or null when a span came since it was last built. */
  Trace builtTrace() {
    return built != null && builtSize == spans.size() ? built : null;
  }

  /** Keeps the trace built from every span held, for the batches and neighbourhoods it is part of. */
  void built(Trace trace) {
    built = trace;
    builtSize = spans.size();
  }

  /** Whether the trace ran at any time from {@code from} to {@code to}. */
  boolean overlaps(long from, long to) {
    return lastEnd >= from && firstStart <= to;
  }
}
