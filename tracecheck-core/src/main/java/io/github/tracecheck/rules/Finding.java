package io.github.tracecheck.rules;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.SpanStart;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem a {@link Rule} found in captured traces: which rule, the span it is about, one
 * sentence saying what is wrong, and one saying the likely cause. {@code
 * io.github.tracecheck.render.FindingsReport} draws the trees involved with the span (and the spans
 * it relates to, such as the producer of an orphaned consumer) marked.
 */
public final class Finding {

  private final String rule;
  private final SpanNode span;
  private final SpanStart openSpan;
  private final List<SpanNode> related;
  private final String message;
  private final String likelyCause;

  private Finding(
      String rule, SpanNode span, SpanStart openSpan, List<SpanNode> related, String message, String likelyCause) {
    this.rule = Objects.requireNonNull(rule, "rule");
    this.span = span;
    this.openSpan = openSpan;
    this.related = List.copyOf(related);
    this.message = Objects.requireNonNull(message, "message");
    this.likelyCause = Objects.requireNonNull(likelyCause, "likelyCause");
  }

  /** A finding about a captured span; {@code related} spans are marked in the drawing too. */
  public static Finding about(
      String rule, SpanNode span, List<SpanNode> related, String message, String likelyCause) {
    return new Finding(rule, Objects.requireNonNull(span, "span"), null, related, message, likelyCause);
  }

  /** A finding about a span that started and never ended, so was never captured as SpanData. */
  public static Finding aboutOpenSpan(
      String rule, SpanStart openSpan, List<SpanNode> related, String message, String likelyCause) {
    return new Finding(rule, null, Objects.requireNonNull(openSpan, "openSpan"), related, message, likelyCause);
  }

  /** A finding about no span in particular, such as a scope left open on the test thread. */
  public static Finding general(String rule, String message, String likelyCause) {
    return new Finding(rule, null, null, List.of(), message, likelyCause);
  }

  /** The rule's name, as used in settings, e.g. {@code orphaned-root}. */
  public String rule() {
    return rule;
  }

  /** The captured span the finding is about, when there is one. */
  public Optional<SpanNode> span() {
    return Optional.ofNullable(span);
  }

  /** {@link #span()} without the {@code Optional}, for the rules' own ordering of many findings. */
  SpanNode spanOrNull() {
    return span;
  }

  /** The span that never ended, for findings about one. */
  public Optional<SpanStart> openSpan() {
    return Optional.ofNullable(openSpan);
  }

  /** Other spans the finding points at, such as the likely cause of an orphan. */
  public List<SpanNode> related() {
    return related;
  }

  /** The name of the span the finding is about, whether captured or still open; "" for neither. */
  public String spanName() {
    if (span != null) {
      return span.name();
    }
    return openSpan == null ? "" : openSpan.name();
  }

  /** What is wrong, in one sentence. */
  public String message() {
    return message;
  }

  /** The likely cause, in one sentence. */
  public String likelyCause() {
    return likelyCause;
  }

  /** The finding in two lines: rule and message, then the likely cause. */
  public String summary() {
    return "[" + rule + "] " + message + "\n  likely cause: " + likelyCause;
  }

  @Override
  public String toString() {
    return summary();
  }
}
