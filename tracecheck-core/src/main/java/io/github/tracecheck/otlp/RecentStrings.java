package io.github.tracecheck.otlp;

import java.util.Arrays;

/**
 * The strings a reader made recently, found again by their characters, so that a text a stream
 * repeats - a span name, an attribute value such as {@code GET}, a trace id - is one object
 * shared by every span holding it, and is not even made again. A fixed table of {@value #SLOTS}
 * slots, one string each (a newer text takes an older one's slot): memory never grows with the
 * stream.
 *
 * <p>A text seen once is only a candidate for its slot; seen again while it still is, it takes the
 * slot. So a text that never repeats (a URL with an order number, a message) costs one look at a
 * slot, no copy of its characters kept, and it never takes the slot of a text that does repeat.
 */
final class RecentStrings {

  static final int SLOTS = 1 << 12;
  /** Longer texts rarely repeat (URLs with ids, messages, statements): they are made as they come. */
  static final int MAX_LENGTH = 64;

  private final String[] strings = new String[SLOTS];
  /** Each slot's hash: most texts that share a slot differ in it, and are told apart without comparing characters. */
  private final int[] hashes = new int[SLOTS];
  /** Each slot's characters, compared at once with the text read (faster than one character at a time). */
  private final char[][] characters = new char[SLOTS][];
  /** Each slot's candidate, the last text not found in it, and its hash. */
  private final String[] candidates = new String[SLOTS];
  private final int[] candidateHashes = new int[SLOTS];

  /** The string of {@code length} characters at {@code offset}: the one made before when it is still known. */
  String of(char[] chars, int offset, int length) {
    if (length > MAX_LENGTH) {
      return new String(chars, offset, length);
    }
    int hash = length;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + chars[i];
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    char[] known = characters[slot];
    if (known != null && hashes[slot] == hash && Arrays.equals(known, 0, known.length, chars, offset, offset + length)) {
      return strings[slot];
    }
    String candidate = candidates[slot];
    if (candidate != null && candidateHashes[slot] == hash && isText(candidate, chars, offset, length)) {
      strings[slot] = candidate; // seen twice: it repeats
      hashes[slot] = hash;
      characters[slot] = Arrays.copyOfRange(chars, offset, offset + length);
      candidates[slot] = null;
      return candidate;
    }
    String made = new String(chars, offset, length);
    candidates[slot] = made;
    candidateHashes[slot] = hash;
    return made;
  }

  private static boolean isText(String text, char[] chars, int offset, int length) {
    if (text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }
}
