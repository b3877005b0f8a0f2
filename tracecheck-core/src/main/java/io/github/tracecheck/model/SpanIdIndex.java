package io.github.tracecheck.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The place of the first span of each span id in the trace being built, reused from trace to trace.
 *
 * <p>An open-addressing table of the ids' string hashes: no entry object per span. Ids come from
 * files, and a hostile file can give thousands of ids with one hash, which would make the probes
 * quadratic; so once the probes pass a bound proportional to the lookups made, the index moves its
 * entries to a {@link HashMap}, which keeps colliding string keys in a balanced tree.
 */
final class SpanIdIndex {

  /** Probes allowed per lookup on average (at most half the slots are used: about 1.5 are needed). */
  private static final int PROBES_PER_LOOKUP = 8;
  private static final int PROBES_ALWAYS_ALLOWED = 64;

  private String[] ids = new String[0];
  private int[] hashes = new int[0];
  private int[] places = new int[0];
  private int slots;
  private int shift;
  private long lookups;
  private long probes;
  /** Set when the probes passed their bound: from then on it holds every entry. */
  private Map<String, Integer> tree;

  /** Empties the index for a trace of {@code spanCount} spans. */
  void clear(int spanCount) {
    slots = Integer.highestOneBit(Math.max(spanCount, 4) * 2 - 1) << 1; // at least twice the spans
    shift = 32 - Integer.numberOfTrailingZeros(slots);
    if (ids.length < slots) {
      ids = new String[slots];
      hashes = new int[slots];
      places = new int[slots];
    } else {
      Arrays.fill(ids, 0, slots, null);
    }
    lookups = 0;
    probes = 0;
    tree = null;
  }

  /**
   * Keeps {@code place} for the id unless the id has one: returns the place it had, or -1. The
   * caller hands the id's {@link String#hashCode()} over, read while the id was at hand.
   */
  int putIfAbsent(String id, int hash, int place) {
    int slot = slotOf(id, hash);
    if (slot == -1) {
      Integer first = tree.putIfAbsent(id, place);
      return first == null ? -1 : first;
    }
    if (ids[slot] != null) {
      return places[slot];
    }
    ids[slot] = id;
    hashes[slot] = hash;
    places[slot] = place;
    return -1;
  }

  /** The place kept for the id, whose {@link String#hashCode()} is {@code hash}, or -1. */
  int get(String id, int hash) {
    int slot = slotOf(id, hash);
    if (slot == -1) {
      Integer place = tree.get(id);
      return place == null ? -1 : place;
    }
    return ids[slot] == null ? -1 : places[slot];
  }

  /** Whether the probes passed their bound and the entries moved to a tree: for tests. */
  boolean movedToTree() {
    return tree != null;
  }

  /** Probes made since the index was cleared: for tests. */
  long probes() {
    return probes;
  }

  /** The slot holding the id, or the empty slot where it goes; -1 when the entries are in the tree. */
  private int slotOf(String id, int hash) {
    if (tree != null) {
      return -1;
    }
    int slot = (hash * 0x9E3779B9) >>> shift; // the product's top bits: every bit of the hash counts
    lookups++;
    while (true) {
      String held = ids[slot];
      // The same string first: a parent id is usually its parent's own id string.
      if (held == null || held == id || (hashes[slot] == hash && held.equals(id))) {
        return slot;
      }
      slot = (slot + 1) & (slots - 1);
      if (++probes > PROBES_PER_LOOKUP * lookups + PROBES_ALWAYS_ALLOWED) {
        moveToTree();
        return -1;
      }
    }
  }

  private void moveToTree() {
    tree = new HashMap<>(slots);
    for (int slot = 0; slot < slots; slot++) {
      if (ids[slot] != null) {
        tree.put(ids[slot], places[slot]);
      }
    }
  }
}
