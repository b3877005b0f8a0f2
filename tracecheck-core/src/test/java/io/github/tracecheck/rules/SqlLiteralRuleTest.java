package io.github.tracecheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.testing.RealSdk;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sql-literal rule on database client spans as the SDK records them. The tokenizer's own cases
 * are in {@code io.github.tracecheck.pii.SqlLiteralsTest}; these are about which spans and attributes
 * the rule reads and what it reports.
 */
class SqlLiteralRuleTest {

  private static final String CAUSE =
      "the query was built by concatenating values: use a PreparedStatement with ? parameters, or let the"
          + " instrumentation sanitize statements";

  private final RealSdk sdk = new RealSdk();
  private final Tracer tracer = sdk.tracer("orders");

  @AfterEach
  void close() {
    sdk.close();
  }

  private void query(String name, String attribute, String statement) {
    tracer.spanBuilder(name).setSpanKind(SpanKind.CLIENT).setAttribute("db.system.name", "postgresql")
        .setAttribute(attribute, statement).startSpan().end();
  }

  private List<Finding> check() {
    return new SqlLiteralRule().check(sdk.snapshot(), RuleOptions.defaults());
  }

  // --- broken shapes ------------------------------------------------------------------------

  @ParameterizedTest(name = "{1}: {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "SELECT users | db.query.text | SELECT * FROM users WHERE email = 'jane@example.com' | 'j***@e***.com' in WHERE",
        "SELECT users | db.statement | SELECT * FROM users WHERE email = 'jane@example.com' | 'j***@e***.com' in WHERE",
        "SELECT orders | db.query.text | SELECT * FROM orders WHERE id = 42 | 4*** in WHERE",
        "SELECT orders | db.query.text | SELECT * FROM orders WHERE id IN (7, 8) | * in WHERE",
        "INSERT users | db.query.text | INSERT INTO users (id, name) VALUES (?, 'Jane') | 'J***' in VALUES",
        "UPDATE users | db.query.text | UPDATE users SET password = 'hunter2' WHERE id = ? | 'h***' in SET",
      })
  void aStatementWithLiteralsIsReportedWithTheMaskedLiteralAndItsClause(
      String spanName, String attribute, String statement, String literal) {
    query(spanName, attribute, statement);

    assertThat(check())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.rule()).isEqualTo("sql-literal");
          assertThat(f.span()).get().extracting(n -> n.name()).isEqualTo(spanName);
          assertThat(f.message()).isEqualTo(
              "span \"" + spanName + "\" (orders): SQL statement is not parameterized: literal " + literal);
          assertThat(f.likelyCause()).isEqualTo(CAUSE);
        });
  }

  @Test
  void everySpanRunningTheStatementIsReported() {
    String statement = "SELECT * FROM carts WHERE owner = 'jane'";
    query("load cart", "db.query.text", statement);
    query("reload cart", "db.query.text", statement);

    assertThat(check()).extracting(Finding::spanName).containsExactly("load cart", "reload cart");
  }

  @Test
  void theCurrentAttributeIsReadBeforeTheOldOne() {
    tracer.spanBuilder("SELECT users").setSpanKind(SpanKind.CLIENT)
        .setAttribute("db.query.text", "SELECT * FROM users WHERE id = ?")
        .setAttribute("db.statement", "SELECT * FROM users WHERE id = 42")
        .startSpan().end();

    assertThat(check()).isEmpty();
  }

  // --- correct shapes a naive rule would flag -----------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM orders WHERE customer_id = ? AND created_at > ?",
        "SELECT * FROM orders WHERE id = $1 LIMIT 50",
        "SELECT * FROM orders WHERE id = :id OFFSET 10",
        "SELECT * FROM orders WHERE 1 = 1 AND id = ?",
        "SELECT 'constant' AS label FROM orders WHERE id = ?",
        "SELECT * FROM orders -- where status = 'open'\nWHERE id = ?",
        "SELECT \"weird 'name'\" FROM orders WHERE id = ?",
      })
  void parameterizedStatementsAreFine(String statement) {
    query("SELECT orders", "db.query.text", statement);

    assertThat(check()).isEmpty();
  }

  @Test
  void literalsOutsideTheStatementAttributesAreNotStatements() {
    tracer.spanBuilder("audit").setAttribute("note", "SELECT * FROM users WHERE email = 'jane@example.com'")
        .setAttribute("db.operation.name", "SELECT").startSpan().end();

    assertThat(check()).isEmpty();
  }
}
