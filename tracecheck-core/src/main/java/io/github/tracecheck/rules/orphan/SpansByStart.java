package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import java.util.Arrays;
import java.util.Collections;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Spans ordered by start time, with the longest duration among them. Every hop asks what was
 * happening when a root started; this index answers by a binary search for the start and a scan
 * backwards that stops where no earlier span can still be in flight, and after at most a fixed
 * number of spans, so the cost per root does not grow with the whole capture and hostile input
 * stays linear.
 */
final class SpansByStart implements SpansInTime {

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
  // In start order, as the spans: how long each lasted, and where it was in the order given.
  private final long[] durations;
  private final int[] given;
  private final long longest;
  private final int scanLimit;

  /** The spans, in start order; of spans that started at the same time, the one given last counts as latest. */
  SpansByStart(Collection<SpanNode> spans) {
    this(spans, SCAN_LIMIT);
  }

  /**
   * Reads each span's times once, in the order given (the forest's order is the order its nodes sit
   * in memory), then sorts the times rather than the spans.
   */
  SpansByStart(Collection<SpanNode> spans, int scanLimit) {
    SpanNode[] nodes = spans.toArray(new SpanNode[0]);
    long[] times = new long[nodes.length];
    long[] lasted = new long[nodes.length];
    boolean sorted = true;
    long max = 0;
    for (int i = 0; i < nodes.length; i++) {
      times[i] = nodes[i].startEpochNanos();
      lasted[i] = nodes[i].endEpochNanos() - times[i];
      max = Math.max(max, lasted[i]);
      sorted &= i == 0 || times[i - 1] <= times[i];
    }
    int[] order = sorted ? identity(nodes.length) : sortByStart(nodes, times);
    this.spans = sorted ? nodes : permuted(nodes, order);
    this.starts = sorted ? times : permuted(times, order);
    this.durations = sorted ? lasted : permuted(lasted, order);
    this.given = order;
    this.longest = max;
    this.scanLimit = scanLimit;
  }

  /** The spans at these positions of {@code all} (ascending), without reading the spans again. */
  private SpansByStart(SpansByStart all, int[] positions, int count) {
    this.spans = new SpanNode[count];
    this.starts = new long[count];
    this.durations = new long[count];
    this.given = new int[count];
    long max = 0;
    for (int i = 0; i < count; i++) {
      int p = positions[i];
      spans[i] = all.spans[p];
      starts[i] = all.starts[p];
      durations[i] = all.durations[p];
      given[i] = i;
      max = Math.max(max, durations[i]);
    }
    this.longest = max;
    this.scanLimit = all.scanLimit;
  }

  private static int[] identity(int length) {
    int[] order = new int[length];
    for (int i = 0; i < length; i++) {
      order[i] = i;
    }
    return order;
  }

  /**
   * The order of the spans by start, keeping the given order among equal starts: for each place in
   * that order, the index of the span in the given arrays. Each start (as an offset from the
   * earliest) and its index are packed in one {@code long}, so that a primitive sort does the work
   * when they fit; otherwise a stable sort of the indexes.
   */
  private static int[] sortByStart(SpanNode[] nodes, long[] times) {
    int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(nodes.length - 1, 1));
    long earliest = Long.MAX_VALUE;
    long latest = Long.MIN_VALUE;
    for (long time : times) {
      earliest = Math.min(earliest, time);
      latest = Math.max(latest, time);
    }
    long range = latest - earliest; // overflows to negative only for starts more than 292 years apart
    int[] order = new int[nodes.length];
    if (range < 0 || 64 - Long.numberOfLeadingZeros(range) + indexBits > 63) {
      Integer[] boxed = new Integer[nodes.length];
      for (int i = 0; i < boxed.length; i++) {
        boxed[i] = i;
      }
      Arrays.sort(boxed, Comparator.comparingLong(i -> times[i]));
      for (int i = 0; i < boxed.length; i++) {
        order[i] = boxed[i];
      }
      return order;
    }
    long[] keys = new long[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      keys[i] = (times[i] - earliest) << indexBits | i;
    }
    Arrays.sort(keys);
    long indexMask = (1L << indexBits) - 1;
    for (int i = 0; i < keys.length; i++) {
      order[i] = (int) (keys[i] & indexMask);
    }
    return order;
  }

  private static SpanNode[] permuted(SpanNode[] values, int[] order) {
    SpanNode[] out = new SpanNode[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = values[order[i]];
    }
    return out;
  }

  private static long[] permuted(long[] values, int[] order) {
    long[] out = new long[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = values[order[i]];
    }
    return out;
  }

  /** The spans grouped by a key (spans whose key is null are left out), one index per group. */
  static Map<String, SpansByStart> groupedBy(Collection<SpanNode> spans, Function<SpanNode, String> key) {
    SpansByStart all = new SpansByStart(spans);
    String[] keys = new String[all.size()];
    for (int p = 0; p < keys.length; p++) {
      keys[p] = key.apply(all.spans[p]);
    }
    return all.groupedBy(keys);
  }

  /**
   * The spans of this index grouped by a key, one index per group, each in start order as this one:
   * {@code keys[p]} is the key of the span at place {@code p} of the start order (null: in no group).
   */
  <K> Map<K, SpansByStart> groupedBy(K[] keys) {
    Map<K, Group> groups = new HashMap<>();
    Group last = null;
    for (int p = 0; p < keys.length; p++) {
      K k = keys[p];
      if (k == null) {
        continue;
      }
      if (last == null || !k.equals(last.key)) { // neighbours in start order often share a key
        last = groups.computeIfAbsent(k, Group::new);
      }
      last.add(p);
    }
    Map<K, SpansByStart> indexes = new HashMap<>(groups.size() * 2);
    groups.forEach((k, group) -> indexes.put(k, new SpansByStart(this, group.positions, group.count)));
    return indexes;
  }

  /** The places in the start order of one group's spans. */
  private static final class Group {
    private final Object key;
    private int[] positions = new int[8];
    private int count;

    Group(Object key) {
      this.key = key;
    }

    void add(int position) {
      if (count == positions.length) {
        positions = Arrays.copyOf(positions, count * 2);
      }
      positions[count++] = position;
    }
  }

  /** Where the span at place {@code p} of the start order was in the order the spans were given. */
  int givenIndex(int p) {
    return given[p];
  }

  /** The span at place {@code p} of the start order. */
  SpanNode at(int p) {
    return spans[p];
  }

  /** One index per group of spans. */
  static <K> Map<K, SpansByStart> indexed(Map<K, List<SpanNode>> groups) {
    Map<K, SpansByStart> indexes = new HashMap<>();
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

  @Override
  public SpanNode latestStartedBy(long time) {
    int last = lastStartedBy(time);
    return last < 0 ? null : spans[last];
  }

  /** The spans are offered to the test latest first, at most the scan limit of them. */
  @Override
  public SpanNode latestStartedBy(long time, Predicate<? super SpanNode> test) {
    int scanned = 0;
    for (int i = lastStartedBy(time); i >= 0 && scanned < scanLimit; i--, scanned++) {
      if (test.test(spans[i])) {
        return spans[i];
      }
    }
    return null;
  }

  /**
   * Only the spans that started no longer before {@code to} than the longest span lasted are scanned
   * (latest first, so the first that did not ends the scan), and at most the scan limit of them. The
   * qualifying spans are offered to the test latest first. A loop, not a stream: the hops ask this
   * for every root judged.
   */
  @Override
  public SpanNode latestRunningThrough(long from, long to, Predicate<? super SpanNode> test) {
    // on the index's own arrays: a span object is touched only when its times qualify it
    long earliestStart = to - longest;
    int scanned = 0;
    for (int i = lastStartedBy(from); i >= 0 && scanned < scanLimit && starts[i] >= earliestStart; i--, scanned++) {
      if (starts[i] + durations[i] >= to && test.test(spans[i])) {
        return spans[i];
      }
    }
    return null;
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
