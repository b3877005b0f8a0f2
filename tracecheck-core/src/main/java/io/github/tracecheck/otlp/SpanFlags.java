package io.github.tracecheck.otlp;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

/**
 * OTLP's {@code flags} of a span or link: the W3C trace flags in bits 0-7, and in bits 8-9 whether
 * the parent (of a span) or the linked context (of a link) came from another process. A span that
 * continued a partner's {@code traceparent} keeps its remote parent through a file, so it is not
 * read back as a dangling parent.
 */
final class SpanFlags {

  /** Bit 8: bit 9 says whether the context is remote. */
  static final int HAS_IS_REMOTE = 0x100;
  /** Bit 9: the context is remote. */
  static final int IS_REMOTE = 0x200;
  /** No flags were read: OTLP's flags are 32 bits unsigned, so -1 is never a value read. */
  static final long NONE = -1;

  private SpanFlags() {}

  /** The flags to write for a span with this trace flags whose parent (or linked context) is {@code remote} or not. */
  static int of(TraceFlags traceFlags, boolean remote) {
    return (traceFlags.asByte() & 0xFF) | HAS_IS_REMOTE | (remote ? IS_REMOTE : 0);
  }

  /**
   * The context read from a file; without flags it is sampled and local, as files written before
   * OTLP had flags were.
   *
   * @param flags the flags read, or {@link #NONE}
   * @param remoteBits whether bits 8-9 apply to this context (the parent or a link), not to the span's own
   */
  static SpanContext context(String traceId, String spanId, long flags, boolean remoteBits) {
    return isRemote(flags, remoteBits)
        ? SpanContext.createFromRemoteParent(traceId, spanId, traceFlags(flags), TraceState.getDefault())
        : SpanContext.create(traceId, spanId, traceFlags(flags), TraceState.getDefault());
  }

  /** The W3C trace flags of {@link #context}: sampled when no flags were read. */
  static TraceFlags traceFlags(long flags) {
    return flags == NONE ? TraceFlags.getSampled() : TraceFlags.fromByte((byte) (flags & 0xFF));
  }

  /** Whether {@link #context} is remote: only a parent or link context can be, and only with both bits 8 and 9. */
  static boolean isRemote(long flags, boolean remoteBits) {
    return flags != NONE && remoteBits && (flags & (HAS_IS_REMOTE | IS_REMOTE)) == (HAS_IS_REMOTE | IS_REMOTE);
  }
}
