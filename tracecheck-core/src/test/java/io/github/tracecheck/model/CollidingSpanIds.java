package io.github.tracecheck.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Valid span ids (16 lowercase hex digits) that all have one {@link String#hashCode()}, as a hostile
 * file could give them. Found by meeting in the middle: the hash of an id is the hash of its first
 * eleven digits times 31^5 plus the hash of its last five, so for each first part the last five
 * needed are looked up among all 16^5 of them, sorted by their hash.
 */
final class CollidingSpanIds {

  private static final int SUFFIX_DIGITS = 5;
  private static final int SUFFIXES = 1 << (4 * SUFFIX_DIGITS);
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CollidingSpanIds() {}

  /** {@code count} distinct ids whose string hash is {@code hash}. */
  static List<String> withHash(int hash, int count) {
    long[] bySuffixHash = new long[SUFFIXES]; // the suffix's hash in the high half, the suffix in the low
    for (int suffix = 0; suffix < SUFFIXES; suffix++) {
      bySuffixHash[suffix] = ((long) hex(suffix, SUFFIX_DIGITS).hashCode() << 32) | suffix;
    }
    Arrays.sort(bySuffixHash);
    int scale = 1;
    for (int i = 0; i < SUFFIX_DIGITS; i++) {
      scale *= 31;
    }
    List<String> ids = new ArrayList<>(count);
    for (long prefix = 1; ids.size() < count; prefix++) {
      String first = "1" + hex(prefix, 10); // a leading 1: never all zeros
      int needed = hash - first.hashCode() * scale;
      int at = Arrays.binarySearch(bySuffixHash, (long) needed << 32);
      for (int i = at < 0 ? -at - 1 : at; i < SUFFIXES && (int) (bySuffixHash[i] >> 32) == needed && ids.size() < count; i++) {
        ids.add(first + hex((int) bySuffixHash[i], SUFFIX_DIGITS));
      }
    }
    return ids;
  }

  private static String hex(long value, int digits) {
    char[] text = new char[digits];
    for (int i = digits - 1; i >= 0; i--, value >>>= 4) {
      text[i] = HEX[(int) (value & 15)];
    }
    return new String(text);
  }
}
