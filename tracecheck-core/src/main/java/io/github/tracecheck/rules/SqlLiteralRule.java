package io.github.tracecheck.rules;

import io.github.tracecheck.semconv.DbAttributes;
import static io.github.tracecheck.rules.internal.SpanDescriptions.describe;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.sql.SqlLiterals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds {@code db.query.text} / {@code db.statement} that carry literals in predicates, VALUES or SET
 * instead of parameters: that is how raw user data reaches traces (the conventions expect literals
 * to be replaced by {@code ?}).
 */
public final class SqlLiteralRule implements PerSpanRule {

  public static final String NAME = "sql-literal";

  public static final RuleInfo INFO =
      RuleInfo.of(NAME, "a SQL statement with literals where parameters belong", RuleMode.FAIL)
          .withConventions("db.query.text (db.statement): literals are replaced by ?");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public SpanJudge judge(TraceForest forest, RuleOptions options) {
    return new SpanJudge() {
      private final List<Finding> findings = new ArrayList<>();
      // Parameterized statements repeat across spans: each distinct text is tokenized once.
      private final Map<String, Optional<SqlLiterals.Literal>> seen = new HashMap<>();

      @Override
      public void judge(SpanNode span) {
        String statement = DbAttributes.queryText(span);
        if (statement == null) {
          return;
        }
        SqlLiterals.Literal literal =
            seen.computeIfAbsent(statement, text -> Optional.ofNullable(SqlLiterals.firstLiteral(text))).orElse(null);
        if (literal != null) {
          findings.add(
              Finding.about(
                  NAME,
                  span,
                  List.of(),
                  "span " + describe(span) + ": SQL statement is not parameterized: literal " + literal.masked()
                      + " in " + literal.clause(),
                  "the query was built by concatenating values: use a PreparedStatement with ? parameters, or"
                      + " let the instrumentation sanitize statements"));
        }
      }

      @Override
      public List<Finding> findings() {
        return findings;
      }
    };
  }
}
