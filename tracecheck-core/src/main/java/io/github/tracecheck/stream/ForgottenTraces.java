package io.github.tracecheck.stream;

/**
 * The trace ids the {@link WindowedChecker} has checked and dropped, in a fixed table of 64-bit
 * hashes (2 MB, about 260,000 traces): a newer id may take an older one's slot, so an id is only
 * forgotten for good once many traces later, and memory never grows with the stream.
 */
final class ForgottenTraces {

  private static final int SLOTS = 1 << 18;

  private final long[] hashes = new long[SLOTS];

  void add(String traceId) {
    long hash = hash(traceId);
    hashes[slot(hash)] = hash;
  }

  boolean contains(String traceId) {
    long hash = hash(traceId);
    return hashes[slot(hash)] == hash;
  }

  private static int slot(long hash) {
    return (int) (hash ^ (hash >>> 32)) & (SLOTS - 1);
  }

  /** Never 0, the empty slot; ids are hex, but any text hashes. */
  private static long hash(String traceId) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < traceId.length(); i++) {
      hash = (hash ^ traceId.charAt(i)) * 0x100000001b3L;
    }
    return hash == 0 ? 1 : hash;
  }
}
