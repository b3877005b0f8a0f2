package io.github.tracecheck.rules;

/**
 * What was computed for recently seen texts, in a table of fixed size where each text may sit in one
 * of two slots and a newer text takes one over: a slot whose value was cheap to compute rather than
 * a costly one, and never a costly one for a cheap newcomer. Telemetry repeats its methods, routes, hosts and keys, which stay in their slots;
 * texts seen once (URLs with ids) cost no entry in a growing map and do not push out the costly
 * ones, and memory stays bounded whatever the input.
 *
 * @param <V> what is kept per text
 */
final class RecentTexts<V> {

  private final String[] texts;
  private final Object[] values;
  private final boolean[] costly;
  private final int shift;

  /** A table of {@code 2^bits} slots, {@code bits} at least 1. */
  RecentTexts(int bits) {
    this.texts = new String[1 << bits];
    this.values = new Object[1 << bits];
    this.costly = new boolean[1 << bits];
    this.shift = 32 - bits;
  }

  /** What was kept for this text; null when it was not seen or its slot went to another text since. */
  @SuppressWarnings("unchecked")
  V get(String text) {
    int slot = slot(text);
    if (holds(slot, text)) {
      return (V) values[slot];
    }
    return holds(slot + 1, text) ? (V) values[slot + 1] : null;
  }

  private boolean holds(int slot, String text) {
    String kept = texts[slot];
    return kept != null && (kept == text || kept.equals(text));
  }

  /**
   * Keeps the value for a text not kept yet, in the first of its two slots, the text there moving to
   * the second; but a costly value never makes room for a cheap one, and a cheap value makes room
   * first.
   */
  void put(String text, V value, boolean costlyToCompute) {
    int first = slot(text);
    int second = first + 1;
    int slot = first;
    if (costly[first] && costly[second]) {
      if (!costlyToCompute) {
        return;
      }
      moveToSecond(first);
    } else if (costly[first] && !costlyToCompute) {
      slot = second; // the cheap one's, keeping the costly one
    } else if (!costly[second]) {
      moveToSecond(first);
    }
    texts[slot] = text;
    values[slot] = value;
    costly[slot] = costlyToCompute;
  }

  private void moveToSecond(int first) {
    texts[first + 1] = texts[first];
    values[first + 1] = values[first];
    costly[first + 1] = costly[first];
  }

  /**
   * The first of the text's two slots, from its length and five of its characters rather than its
   * hash code: computing the hash of a text seen for the first time reads all of it, which for texts
   * seen once (URLs with ids) would be a second pass besides the scan.
   */
  private int slot(String text) {
    int length = text.length();
    int h = length;
    if (length > 0) {
      h = h * 31 + text.charAt(0);
      h = h * 31 + text.charAt(length - 1);
      h = h * 31 + text.charAt(length >>> 1);
      h = h * 31 + text.charAt(length >>> 2);
      h = h * 31 + text.charAt(length - 1 - (length >>> 2));
    }
    // Fibonacci hashing: the top bits of the product depend on every bit of h.
    return ((h * 0x9E3779B9) >>> shift) & ~1;
  }
}
