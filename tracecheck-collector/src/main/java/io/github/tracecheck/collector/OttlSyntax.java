package io.github.tracecheck.collector;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The syntax tree of one OTTL statement of the subset tracecheck supports (see {@link
 * OttlStatement}). It exists so that parsing and evaluation meet at a small, immutable, checked
 * form: every editor has the arguments its signature needs, and every regular expression and glob
 * is already compiled, so applying a statement to a span compiles nothing.
 */
final class OttlSyntax {

  private OttlSyntax() {}

  /**
   * A whole statement: where it applies, what it changes, and when.
   *
   * @param text the statement as written, for messages
   * @param function the editor's OTTL name, for messages
   * @param condition the {@code where} clause, or null when there is none
   */
  record Statement(String text, Context context, String function, Editor editor, Condition condition) {}

  /** The OTTL context a statement runs in: which part of a span its paths name. */
  enum Context {
    SPAN("span"),
    SPANEVENT("spanevent"),
    RESOURCE("resource");

    final String ottlName;

    Context(String ottlName) {
      this.ottlName = ottlName;
    }
  }

  // --- values --------------------------------------------------------------------------------

  /** An argument or an operand: a literal, or a path read from the span. */
  sealed interface Value permits Literal, Path {}

  /**
   * A literal: a String, a Long, a Boolean, null ({@code nil}), or an unmodifiable list of
   * literals.
   */
  record Literal(Object value) implements Value {}

  /** What a path names: a map of attributes, or the name. */
  enum Scope {
    ATTRIBUTES,
    RESOURCE_ATTRIBUTES,
    NAME
  }

  /** A path into the span: a map of attributes, one attribute ({@code key} not null), or the name. */
  record Path(Scope scope, String key) implements Value {}

  // --- editors -------------------------------------------------------------------------------

  /** An editor function with its checked arguments; each changes what its path names. */
  sealed interface Editor
      permits ReplacePattern, ReplaceAllPatterns, ReplaceMatch, ReplaceAllMatches, DeleteKey,
          DeleteMatchingKeys, KeepKeys, SetValue, TruncateAll {
    Path path();
  }

  record ReplacePattern(Path path, Pattern regex, String replacement) implements Editor {}

  /** {@code keys}: rename the keys that match; otherwise replace in the values. */
  record ReplaceAllPatterns(Path path, boolean keys, Pattern regex, String replacement) implements Editor {}

  record ReplaceMatch(Path path, Pattern glob, String replacement) implements Editor {}

  record ReplaceAllMatches(Path path, Pattern glob, String replacement) implements Editor {}

  record DeleteKey(Path path, String key) implements Editor {}

  record DeleteMatchingKeys(Path path, Pattern regex) implements Editor {}

  record KeepKeys(Path path, List<?> keys) implements Editor {}

  record SetValue(Path path, Value value) implements Editor {}

  record TruncateAll(Path path, int limit) implements Editor {}

  // --- conditions ----------------------------------------------------------------------------

  /** A {@code where} clause. */
  sealed interface Condition permits Or, And, Not, IsMatch, Comparison {}

  record Or(Condition left, Condition right) implements Condition {}

  record And(Condition left, Condition right) implements Condition {}

  record Not(Condition negated) implements Condition {}

  record IsMatch(Path path, Pattern regex) implements Condition {}

  /** {@code ==} when {@code equal}, else {@code !=}. */
  record Comparison(Value left, boolean equal, Value right) implements Condition {}
}
