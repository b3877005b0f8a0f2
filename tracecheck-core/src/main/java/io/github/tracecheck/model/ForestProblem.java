package io.github.tracecheck.model;

import java.util.Objects;

/**
 * Something malformed in the captured spans, found while the forest was built. The forest still
 * holds every span; a problem says how the input was interpreted.
 */
public final class ForestProblem {

  /** The kinds of malformed input the forest recognizes. */
  public enum Kind {
    /** A span id used by more than one span of the same trace; the first captured one is kept as parent target. */
    DUPLICATE_SPAN_ID,
    /** A span whose parent span id is its own span id; it is treated as a root. */
    SELF_PARENT,
    /** Spans whose parent links form a cycle; the cycle is broken at its earliest span, which becomes a root. */
    PARENT_CYCLE,
    /** A trace id that is not 32 lowercase hex characters or is all zeros. */
    INVALID_TRACE_ID,
    /** A span id that is not 16 lowercase hex characters or is all zeros. */
    INVALID_SPAN_ID
  }

  private final Kind kind;
  private final SpanNode span;
  private final String message;

  ForestProblem(Kind kind, SpanNode span, String message) {
    this.kind = kind;
    this.span = span;
    this.message = message;
  }

  public Kind kind() {
    return kind;
  }

  /** The span the problem is about. */
  public SpanNode span() {
    return span;
  }

  /** One sentence saying what is malformed and how it was interpreted. */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ForestProblem)) {
      return false;
    }
    ForestProblem that = (ForestProblem) o;
    return kind == that.kind && span == that.span && message.equals(that.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, message);
  }

  @Override
  public String toString() {
    return kind + ": " + message;
  }
}
