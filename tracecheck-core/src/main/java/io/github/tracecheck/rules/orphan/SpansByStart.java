package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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

  /**
   * How far the times of two traces may be off from each other. The SDK times each trace from its own
   * anchor, read from the wall clock and then the monotonic one when its root starts: a thread
   * preempted in between shifts the whole trace by that long (a fraction of a millisecond on a loaded
   * 2-core machine, now and then more), so that a task's root seemed to start after its request ended.
   */
  static final long CLOCK_LEEWAY_NANOS = 2_000_000;

  /** Bounds every backward scan, so hostile input stays linear. */
  static final int SCAN_LIMIT = 10_000;

  private final SpanNode[] spans;
  private final long[] starts;
  private final long longest;
  private final int scanLimit;

  /** The spans, in start order; of spans that started at the same time, the one given last counts as latest. */
  SpansByStart(Collection<SpanNode> spans) {
    this(spans, SCAN_LIMIT);
  }

  SpansByStart(Collection<SpanNode> spans, int scanLimit) {
    SpanNode[] nodes = spans.toArray(new SpanNode[0]);
    long[] times = new long[nodes.length];
    boolean sorted = true;
    for (int i = 0; i < nodes.length; i++) {
      times[i] = nodes[i].data().getStartEpochNanos();
      sorted &= i == 0 || times[i - 1] <= times[i];
    }
    if (!sorted) {
      sortByStart(nodes, times);
    }
    this.spans = nodes;
    this.starts = times;
    long max = 0;
    for (SpanNode span : nodes) {
      max = Math.max(max, span.durationNanos());
    }
    this.longest = max;
    this.scanLimit = scanLimit;
  }

  /**
   * Sorts both arrays by start, keeping the given order among equal starts. Each start (as an offset
   * from the earliest) and its index are packed in one {@code long}, so that a primitive sort does the
   * work when they fit; otherwise a stable sort of the nodes.
   */
  private static void sortByStart(SpanNode[] nodes, long[] times) {
    int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(nodes.length - 1, 1));
    long earliest = Long.MAX_VALUE;
    long latest = Long.MIN_VALUE;
    for (long time : times) {
      earliest = Math.min(earliest, time);
      latest = Math.max(latest, time);
    }
    long range = latest - earliest; // overflows to negative only for starts more than 292 years apart
    if (range < 0 || 64 - Long.numberOfLeadingZeros(range) + indexBits > 63) {
      SpanNode[] copy = nodes.clone();
      Arrays.sort(copy, Comparator.comparingLong(n -> n.data().getStartEpochNanos()));
      System.arraycopy(copy, 0, nodes, 0, nodes.length);
      for (int i = 0; i < nodes.length; i++) {
        times[i] = nodes[i].data().getStartEpochNanos();
      }
      return;
    }
    long[] keys = new long[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      keys[i] = (times[i] - earliest) << indexBits | i;
    }
    Arrays.sort(keys);
    SpanNode[] copy = nodes.clone();
    long indexMask = (1L << indexBits) - 1;
    for (int i = 0; i < keys.length; i++) {
      nodes[i] = copy[(int) (keys[i] & indexMask)];
      times[i] = (keys[i] >>> indexBits) + earliest;
    }
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
    return indexed(groups);
  }

  /** One index per group of spans. */
  static Map<String, SpansByStart> indexed(Map<String, List<SpanNode>> groups) {
    Map<String, SpansByStart> indexes = new HashMap<>();
    groups.forEach((k, group) -> indexes.put(k, new SpansByStart(group)));
    return indexes;
  }

  /** The spans in start order: indexes built from them, or from any part of them, need no sorting. */
  List<SpanNode> inStartOrder() {
    return Collections.unmodifiableList(Arrays.asList(spans));
  }

  int size() {
    return spans.length;
  }

  /** The latest span that started at or before {@code time}; null when none did. */
  SpanNode latestStartedBy(long time) {
    int last = lastStartedBy(time);
    return last < 0 ? null : spans[last];
  }

  /** The spans that started at or before {@code time}, latest first; at most the scan limit of them. */
  Stream<SpanNode> startedBy(long time) {
    return IntStream.iterate(lastStartedBy(time), i -> i >= 0, i -> i - 1).limit(scanLimit).mapToObj(i -> spans[i]);
  }

  /**
   * The spans that started at or before {@code from} and ended at or after {@code to}, latest start
   * first: with {@code from == to}, the spans in flight at that time. Only the spans that may still be
   * in flight at {@code from} are scanned, and at most the scan limit of them.
   */
  Stream<SpanNode> runningThrough(long from, long to) {
    return startedBy(from)
        .takeWhile(span -> mayBeInFlight(span, to))
        .filter(span -> span.data().getEndEpochNanos() >= to);
  }

  /** The spans in flight at {@code time}, latest start first (see {@link #runningThrough}). */
  Stream<SpanNode> inFlightAt(long time) {
    return runningThrough(time, time);
  }

  /**
   * The spans in flight at {@code time} give or take {@link #CLOCK_LEEWAY_NANOS}, for comparing the
   * times of spans of different traces: started by {@code time} plus the leeway, ended at or after
   * {@code time} less it.
   */
  Stream<SpanNode> inFlightAround(long time) {
    return runningThrough(time + CLOCK_LEEWAY_NANOS, time - CLOCK_LEEWAY_NANOS);
  }

  /**
   * Whether a span may still be running at {@code time}: it started no longer before it than the
   * longest span lasted. Spans are scanned latest first, so the first span for which this is false
   * ends the scan.
   */
  private boolean mayBeInFlight(SpanNode span, long time) {
    return span.data().getStartEpochNanos() >= time - longest;
  }

  /** Index of the last span that started at or before {@code time}, or -1. */
  private int lastStartedBy(long time) {
    int low = 0;
    int high = starts.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (starts[mid] <= time) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low - 1;
  }
}
