package io.github.tracecheck.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.collector.OttlSyntax.IsMatch;
import io.github.tracecheck.collector.OttlSyntax.ReplacePattern;
import io.github.tracecheck.collector.OttlSyntax.Statement;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** What the parser builds, and where it says a statement goes wrong. */
class OttlParserTest {

  private static final String WHERE = "processor transform, trace_statements[0]";

  private static Statement parse(String statement) {
    return OttlParser.parse(statement, "span", WHERE);
  }

  private static String errorOf(String statement) {
    try {
      parse(statement);
    } catch (CollectorConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("parsed: " + statement);
  }

  @Test
  void anInvalidRegularExpressionIsReportedAtParseTimeWithItsColumn() {
    String statement = "replace_pattern(attributes[\"http.target\"], \"token=(\", \"x\")";
    // Column 44 is the opening quote of the regular expression.
    assertThat(statement.indexOf("\"token=(") + 1).isEqualTo(44);

    assertThatThrownBy(() -> parse(statement))
        .isInstanceOf(CollectorConfigException.class)
        .hasMessage(WHERE + ": cannot parse OTTL statement at column 44 (invalid regular expression \"token=(\": "
            + "Unclosed group): " + statement)
        .hasCauseInstanceOf(PatternSyntaxException.class);
  }

  @Test
  void aRegularExpressionRe2RefusesIsReportedWhereItIsEvenInACondition() {
    String statement = "set(attributes[\"x\"], \"y\") where IsMatch(name, \"^(?!GET)\")";

    assertError(statement, 47, "regular expression \"^(?!GET)\" uses '(?!' (lookaround, backreference, atomic group or"
        + " possessive quantifier), which Go's RE2 used by the Collector does not support");
  }

  /** The problem the parser reports for the statement, and the column it names. */
  private static void assertError(String statement, int column, String problem) {
    assertThat(errorOf(statement))
        .isEqualTo(WHERE + ": cannot parse OTTL statement at column " + column + " (" + problem + "): " + statement);
  }

  @Test
  void syntaxErrorsNameTheColumn() {
    assertError("set(name, \"x\") where name = \"y\"", 27, "unexpected character '='");
    assertError("set(name, \"x)", 11, "unterminated string");
    assertError("set(name, \"x\"", 14, "expected ')' at the end");
    assertError("set(name, \"x\") where name \"y\"", 27,
        "comparison '\"y\"' is not supported; use ==, != or IsMatch");
    assertError("set(name[\"k\"], \"x\")", 5, "name has no keys");
    assertError("delete_key(attributes, 3)", 24, "delete_key has an argument this subset does not support");
    assertError("delete_key(attributes)", 1, "delete_key takes 2 arguments, not 1");
    assertError("keep_keys(attributes, [\"a\", name])", 29,
        "a list may hold strings, numbers, booleans and nil, not paths");
    assertError("replace_all_patterns(attributes, \"both\", \"a\", \"b\")", 34,
        "replace_all_patterns mode must be \"key\" or \"value\", was both");
  }

  @Test
  void theTreeCarriesCompiledPatternsAndTheStatementsOwnContextPrefixIsDropped() {
    Statement statement = parse(
        "replace_pattern(span.attributes[\"http.target\"], \"token=[^&]+\", \"token=***\") where IsMatch(name, \"^GET\")");

    ReplacePattern editor = (ReplacePattern) statement.editor();
    assertThat(editor.path()).isEqualTo(new OttlSyntax.Path(OttlSyntax.Scope.ATTRIBUTES, "http.target"));
    assertThat(editor.regex().pattern()).isEqualTo("token=[^&]+");
    assertThat(((IsMatch) statement.condition()).regex().pattern()).isEqualTo("^GET");
  }
}
