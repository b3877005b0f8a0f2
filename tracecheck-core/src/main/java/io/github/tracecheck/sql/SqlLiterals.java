package io.github.tracecheck.sql;

import io.github.tracecheck.pii.Masking;
import java.util.Locale;
import java.util.Set;

/**
 * Finds literals in SQL where parameters belong: string literals in WHERE, ON, HAVING, VALUES and
 * SET clauses, and numeric literals compared to something or listed in VALUES, SET and IN lists.
 * Identifiers, keywords, placeholders ({@code ?}, {@code $1}, {@code :name}), LIMIT/OFFSET counts
 * and {@code 1 = 1} are not literals of user data.
 */
public final class SqlLiterals {

  /** A literal found: its masked text and the clause it is in. */
  public static final class Literal {
    private final String masked;
    private final String clause;

    Literal(String masked, String clause) {
      this.masked = masked;
      this.clause = clause;
    }

    /** The literal as it may be printed, e.g. {@code 'j***@e***.com'}. */
    public String masked() {
      return masked;
    }

    /** The clause keyword, e.g. {@code WHERE}. */
    public String clause() {
      return clause;
    }
  }

  private static final Set<String> DATA_CLAUSES = Set.of("WHERE", "ON", "HAVING", "VALUES", "SET");
  private static final Set<String> CLAUSES =
      Set.of("SELECT", "FROM", "WHERE", "ON", "HAVING", "VALUES", "SET", "LIMIT", "OFFSET", "ORDER", "GROUP",
          "INTO", "UPDATE", "JOIN", "RETURNING", "FETCH", "TOP");
  private static final Set<String> COMPARISONS = Set.of("=", "<", ">", "<=", ">=", "<>", "!=", "LIKE", "ILIKE", "IN", "BETWEEN");

  private SqlLiterals() {}

  /** The first literal in a data clause, or null when the statement is parameterized. */
  public static Literal firstLiteral(String sql) {
    String clause = "";
    String previous = "";
    String beforePrevious = "";
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end;
        continue;
      }
      if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        continue;
      }
      if (c == '\'') {
        int end = i + 1;
        StringBuilder value = new StringBuilder();
        while (end < n) {
          if (sql.charAt(end) == '\'') {
            if (end + 1 < n && sql.charAt(end + 1) == '\'') {
              value.append('\'');
              end += 2;
              continue;
            }
            break;
          }
          value.append(sql.charAt(end++));
        }
        if (DATA_CLAUSES.contains(clause)) {
          return new Literal("'" + maskLiteral(value.toString()) + "'", clause);
        }
        i = end + 1;
        previous = "'";
        continue;
      }
      if (c == '"' || c == '`' || c == '[') {
        char close = c == '[' ? ']' : c;
        int end = sql.indexOf(close, i + 1);
        i = end < 0 ? n : end + 1;
        beforePrevious = previous;
        previous = "identifier";
        continue;
      }
      if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
        int end = i;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
          end++;
        }
        String number = sql.substring(i, end);
        boolean compared = COMPARISONS.contains(previous) && !beforePrevious.equals("number");
        boolean listed = (previous.equals("(") || previous.equals(",")) && (clause.equals("VALUES") || inList(sql, i));
        boolean assigned = clause.equals("SET") && previous.equals("=");
        if (DATA_CLAUSES.contains(clause) && (compared || listed || assigned)) {
          return new Literal(maskLiteral(number), clause);
        }
        beforePrevious = previous;
        previous = "number";
        i = end;
        continue;
      }
      if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '.')) {
          end++;
        }
        String word = sql.substring(i, end).toUpperCase(Locale.ROOT);
        if (CLAUSES.contains(word)) {
          clause = word;
        }
        beforePrevious = previous;
        previous = COMPARISONS.contains(word) ? word : "identifier";
        i = end;
        continue;
      }
      // Operators and punctuation; placeholders (?, $1, :name) are not literals.
      int end = i + 1;
      if (end < n && "<>=!".indexOf(c) >= 0 && "<>=".indexOf(sql.charAt(end)) >= 0) {
        end++;
      }
      String token = sql.substring(i, end);
      if (c == '$' || c == ':' || c == '?') {
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
          end++;
        }
        token = "?";
      }
      beforePrevious = previous;
      previous = token;
      i = end;
    }
    return null;
  }

  /** Whether the position is inside an IN ( ... ) list: the nearest open parenthesis follows IN. */
  private static boolean inList(String sql, int position) {
    int open = sql.lastIndexOf('(', position);
    if (open < 0 || sql.indexOf(')', open) < position && sql.indexOf(')', open) >= 0) {
      return false;
    }
    String before = sql.substring(Math.max(0, open - 4), open).strip().toUpperCase(Locale.ROOT);
    return before.endsWith("IN");
  }

  private static String maskLiteral(String value) {
    String redacted = Masking.redact(value);
    if (!redacted.equals(value)) {
      return redacted;
    }
    return value.length() <= 1 ? "*" : value.charAt(0) + "***";
  }
}
