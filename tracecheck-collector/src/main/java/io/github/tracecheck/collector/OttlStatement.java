package io.github.tracecheck.collector;

import java.util.List;

/**
 * One OTTL statement of a transform processor, parsed and ready to apply to a span. The subset:
 * the editors {@code replace_pattern}, {@code replace_all_patterns}, {@code replace_match}, {@code
 * replace_all_matches}, {@code delete_key}, {@code delete_matching_keys}, {@code keep_keys}, {@code
 * set} and {@code truncate_all}; paths {@code attributes}, {@code attributes["key"]} and {@code
 * name} (with an optional context prefix such as {@code span.}), plus {@code resource.attributes}
 * from the span context; {@code where} conditions with {@code ==}, {@code !=}, {@code nil}, {@code
 * IsMatch(path, "regex")}, {@code not}, {@code and} and {@code or}. Anything else is a {@link
 * CollectorConfigException} naming it, and a statement that cannot be read names the column where
 * it goes wrong.
 *
 * <p>This is the entry point: {@link OttlLexer} and {@link OttlParser} turn the text into an
 * {@link OttlSyntax} tree, with its regular expressions compiled once, and {@link OttlEvaluator}
 * applies that tree to each span.
 */
final class OttlStatement {

  private final String text;
  private final OttlEvaluator evaluator;

  private OttlStatement(String text, OttlSyntax.Statement tree) {
    this.text = text;
    this.evaluator = new OttlEvaluator(tree);
  }

  /**
   * @param context {@code span}, {@code spanevent} or {@code resource}
   * @param where the place of the statement in the configuration, for messages
   */
  static OttlStatement parse(String text, String context, String where) {
    return new OttlStatement(text, OttlParser.parse(text, context, where));
  }

  /** Applies the statement to every target of its context in the span. */
  void apply(SpanRecord span) {
    evaluator.apply(span);
  }

  /** Applies statements in order. */
  static void applyAll(List<OttlStatement> statements, SpanRecord span) {
    for (OttlStatement statement : statements) {
      statement.apply(span);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
