package io.github.tracecheck.otlp;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

/**
 * The span contexts made recently, found again by span id, so that a span's own context and the
 * parent context of its children - equal values: the same ids, flags, state and remoteness - are
 * one object: a checker keeps one context fewer per child span, and its ids are not checked again.
 * A fixed table of {@value #SLOTS} slots, one context each (a newer context takes an older one's
 * slot): memory never grows with the stream. A parent and its children stand close in a file,
 * whichever comes first (the SDK exports a child before its parent).
 */
final class RecentSpanContexts {

  static final int SLOTS = 1 << 10;
  private static final int SPAN_ID_LENGTH = 16;

  private final SpanContext[] contexts = new SpanContext[SLOTS];

  /**
   * The span id of a context made recently whose id is these 16 characters, or null: a parent id
   * read in a child, or a span's own id read after its child's, is then the string the context
   * holds, not one more string made for the same id.
   */
  String spanId(char[] characters, int offset) {
    int hash = 0; // String.hashCode of these characters: the slot context() puts the id's context in
    for (int i = offset; i < offset + SPAN_ID_LENGTH; i++) {
      hash = 31 * hash + characters[i];
    }
    SpanContext known = contexts[hash & (SLOTS - 1)];
    if (known == null) {
      return null;
    }
    String id = known.getSpanId();
    for (int i = 0; i < SPAN_ID_LENGTH; i++) {
      if (id.charAt(i) != characters[offset + i]) {
        return null;
      }
    }
    return id;
  }

  /** What {@link SpanFlags#context} makes for these: the context made before when it is still known. */
  SpanContext context(String traceId, String spanId, long flags, boolean remoteBits) {
    int slot = spanId.hashCode() & (SLOTS - 1);
    SpanContext known = contexts[slot];
    if (known != null && known.getSpanId().equals(spanId) && known.getTraceId().equals(traceId)
        && known.isRemote() == SpanFlags.isRemote(flags, remoteBits)
        && known.getTraceFlags() == SpanFlags.traceFlags(flags) // TraceFlags are cached: one object per value
        && known.getTraceState() == TraceState.getDefault()) {
      return known;
    }
    SpanContext made = SpanFlags.context(traceId, spanId, flags, remoteBits);
    contexts[slot] = made;
    return made;
  }
}
