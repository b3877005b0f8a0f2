package io.github.tracecheck.otlp;

import java.util.Arrays;

/**
 * The strings a reader made recently, found again by their characters, so that a text a stream
 * repeats - a span name, an attribute value such as {@code GET}, a parent's span id - is one object
 * shared by every span holding it, and is not even made again. A fixed table of {@value #SLOTS}
 * slots, one string each (a newer text takes an older one's slot): memory never grows with the
 * stream, and text that never repeats costs one look at a slot.
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
    String made = new String(chars, offset, length);
    strings[slot] = made;
    hashes[slot] = hash;
    characters[slot] = Arrays.copyOfRange(chars, offset, offset + length);
    return made;
  }
}
