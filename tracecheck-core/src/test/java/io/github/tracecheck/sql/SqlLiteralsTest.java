package io.github.tracecheck.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlLiteralsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "SELECT * FROM users WHERE email = 'jane.doe@example.com' | 'j***@e***.com' | WHERE",
        "SELECT * FROM users WHERE name = 'O''Brien' | 'O***' | WHERE",
        "SELECT * FROM orders WHERE id = 42 | 4*** | WHERE",
        "SELECT * FROM orders WHERE total > 10.5 AND id = ? | 1*** | WHERE",
        "INSERT INTO users (id, email) VALUES (?, 'x@y.org') | 'x***@y***.org' | VALUES",
        "INSERT INTO t (a, b) VALUES (17, ?) | 1*** | VALUES",
        "UPDATE users SET password = 'hunter2' WHERE id = ? | 'h***' | SET",
        "SELECT * FROM t WHERE id IN (1, 2, 3) | * | WHERE",
        "SELECT * FROM a JOIN b ON a.id = b.a_id AND b.kind = 'vip' | 'v***' | ON",
      })
  void flagsLiteralsWhereParametersBelong(String sql, String masked, String clause) {
    SqlLiterals.Literal literal = SqlLiterals.firstLiteral(sql);
    assertThat(literal).isNotNull();
    assertThat(literal.masked()).isEqualTo(masked);
    assertThat(literal.clause()).isEqualTo(clause);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT id, status FROM orders WHERE customer_id = ? AND created_at > ?",
        "SELECT * FROM orders WHERE id = $1 LIMIT 50",
        "SELECT * FROM orders WHERE id = :id OFFSET 10",
        "SELECT * FROM t WHERE 1 = 1 AND id = ?",
        "SELECT \"weird 'name'\" FROM t WHERE id = ?",
        "SELECT 'constant' AS label FROM t WHERE id = ?",
        "INSERT INTO t (a, b) VALUES (?, ?)",
        "UPDATE t SET a = ?, b = ? WHERE id = ?",
        "SELECT * FROM t -- where x = 'comment'\nWHERE id = ?",
        "SELECT TOP 10 * FROM t WHERE id = ?",
        "SELECT count(*) FROM t2 WHERE v2 = ?",
      })
  void acceptsParameterizedStatementsIdentifiersAndKeywords(String sql) {
    assertThat(SqlLiterals.firstLiteral(sql)).isNull();
  }
}
