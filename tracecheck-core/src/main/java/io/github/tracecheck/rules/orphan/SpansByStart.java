package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Spans ordered by start time, with the longest duration among them. Every hop asks what was
 * happening when a root started; this index answers by a binary search for the start and a scan
 * backwards that stops where no earlier span can still be in flight, and after at most a fixed
 * number of spans, so the cost per root does not grow with the whole capture and hostile input
 * stays linear.
 */
final class SpansByStart {

  /** Bounds every backward scan, so hostile input stays linear. */
  static final int SCAN_LIMIT = 10_000;

  private final List<SpanNode> spans;
  private final long longest;
  private final int scanLimit;

  /** The spans, in start order; of spans that started at the same time, the one given last counts as latest. */
  SpansByStart(Collection<SpanNode> spans) {
    this(spans, SCAN_LIMIT);
  }

  SpansByStart(Collection<SpanNode> spans, int scanLimit) {
    List<SpanNode> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingLong(n -> n.data().getStartEpochNanos()));
    this.spans = sorted;
    long max = 0;
    for (SpanNode span : sorted) {
      max = Math.max(max, span.durationNanos());
    }
    this.longest = max;
    this.scanLimit = scanLimit;
  }

  /** The spans grouped by a key (spans whose key is null are left out), one index per group. */
  static Map<String, SpansByStart> groupedBy(Collection<SpanNode> spans, Function<SpanNode, String> key) {
    Map<String, List<SpanNode>> groups = new HashMap<>();
    for (SpanNode span : spans) {
      String k = key.apply(span);
      if (k != null) {
        groups.computeIfAbsent(k, g -> new ArrayList<>()).add(span);
      }
    }
    Map<String, SpansByStart> indexes = new HashMap<>();
    groups.forEach((k, group) -> indexes.put(k, new SpansByStart(group)));
    return indexes;
  }

  int size() {
    return spans.size();
  }

  /** The latest span that started at or before {@code time}; null when none did. */
  SpanNode latestStartedBy(long time) {
    int last = lastStartedBy(time);
    return last < 0 ? null : spans.get(last);
  }

  /** The spans that started at or before {@code time}, latest first; at most the scan limit of them. */
  Stream<SpanNode> startedBy(long time) {
    return IntStream.iterate(lastStartedBy(time), i -> i >= 0, i -> i - 1).limit(scanLimit).mapToObj(spans::get);
  }

  /**
   * The spans that started at or before {@code from} and ended at or after {@code to}, latest start
   * first: with {@code from == to}, the spans in flight at that time. Only the spans that may still be
   * in flight at {@code from} are scanned, and at most the scan limit of them.
   */
  Stream<SpanNode> runningThrough(long from, long to) {
    return startedBy(from)
        .takeWhile(span -> mayBeInFlight(span, from))
        .filter(span -> span.data().getEndEpochNanos() >= to);
  }

  /** The spans in flight at {@code time}, latest start first (see {@link #runningThrough}). */
  Stream<SpanNode> inFlightAt(long time) {
    return runningThrough(time, time);
  }

  /**
   * Whether a span that started at or before {@code time} may still be in flight then: it started
   * no longer before it than the longest span lasted. Spans are scanned latest first, so the first
   * span for which this is false ends the scan.
   */
  private boolean mayBeInFlight(SpanNode span, long time) {
    return span.data().getStartEpochNanos() >= time - longest;
  }

  /** Index of the last span that started at or before {@code time}, or -1. */
  private int lastStartedBy(long time) {
    int low = 0;
    int high = spans.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (spans.get(mid).data().getStartEpochNanos() <= time) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low - 1;
  }
}
