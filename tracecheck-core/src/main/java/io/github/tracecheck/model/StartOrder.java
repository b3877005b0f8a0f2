package io.github.tracecheck.model;

/**
 * The order of spans of one trace by start time, then name, then span id, by their places in the
 * trace: the order of a node's children and of a trace's roots. Spans equal in all three keep the
 * order they came in (the sort is stable). Start times are compared from an array; the name and id
 * are read only when two spans started at the same time.
 */
final class StartOrder {

  /** Ranges up to this long are sorted by insertion: fewer moves than a merge for a few children. */
  private static final int INSERTION_SORT_MAX = 24;

  private SpanNode[] nodes;
  private long[] starts;
  private int[] buffer = new int[0];

  /** Orders the spans of a trace: {@code starts[i]} is when {@code nodes[i]} started. */
  void reset(SpanNode[] nodes, long[] starts) {
    this.nodes = nodes;
    this.starts = starts;
  }

  /** Negative, zero or positive as span {@code a} comes before, with, or after span {@code b}. */
  int compare(int a, int b) {
    int byStart = Long.compare(starts[a], starts[b]);
    if (byStart != 0) {
      return byStart;
    }
    int byName = nodes[a].name().compareTo(nodes[b].name());
    return byName != 0 ? byName : nodes[a].spanId().compareTo(nodes[b].spanId());
  }

  /** Sorts the places {@code places[from]} to {@code places[to - 1]}, keeping the order of equal spans. */
  void sort(int[] places, int from, int to) {
    if (isSorted(places, from, to)) {
      return;
    }
    if (to - from <= INSERTION_SORT_MAX) {
      insertionSort(places, from, to);
      return;
    }
    if (buffer.length < to - from) {
      buffer = new int[Math.max(to - from, buffer.length * 2)];
    }
    // Bottom-up merge sort of runs sorted by insertion: no recursion, whatever the number of children.
    for (int start = from; start < to; start += INSERTION_SORT_MAX) {
      insertionSort(places, start, Math.min(start + INSERTION_SORT_MAX, to));
    }
    for (int run = INSERTION_SORT_MAX; run < to - from; run *= 2) {
      for (int left = from; left + run < to; left += 2 * run) {
        merge(places, left, left + run, Math.min(left + 2 * run, to));
      }
    }
  }

  private boolean isSorted(int[] places, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (compare(places[i - 1], places[i]) > 0) {
        return false;
      }
    }
    return true;
  }

  private void insertionSort(int[] places, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      int place = places[i];
      int j = i - 1;
      while (j >= from && compare(places[j], place) > 0) {
        places[j + 1] = places[j];
        j--;
      }
      places[j + 1] = place;
    }
  }

  /** Merges the sorted ranges [from, middle) and [middle, to); of equal spans, the left one first. */
  private void merge(int[] places, int from, int middle, int to) {
    if (compare(places[middle - 1], places[middle]) <= 0) {
      return;
    }
    int length = middle - from;
    System.arraycopy(places, from, buffer, 0, length);
    int left = 0;
    int right = middle;
    int out = from;
    while (left < length && right < to) {
      places[out++] = compare(places[right], buffer[left]) < 0 ? places[right++] : buffer[left++];
    }
    while (left < length) {
      places[out++] = buffer[left++];
    }
  }
}
