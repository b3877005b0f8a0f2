package io.github.tracecheck.otlp;

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

  private final String[] slots = new String[SLOTS];

  /** The string of {@code length} characters at {@code offset}: the one made before when it is still known. */
  String of(char[] chars, int offset, int length) {
    if (length > MAX_LENGTH) {
      return new String(chars, offset, length);
    }
    int hash = 0;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + chars[i];
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    String known = slots[slot];
    if (known != null && sameText(known, chars, offset, length)) {
      return known;
    }
    String made = new String(chars, offset, length);
    slots[slot] = made;
    return made;
  }

  private static boolean sameText(String known, char[] chars, int offset, int length) {
    if (known.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (known.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }
}
