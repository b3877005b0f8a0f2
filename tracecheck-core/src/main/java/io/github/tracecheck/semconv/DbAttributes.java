package io.github.tracecheck.semconv;

import static io.github.tracecheck.semconv.AttributeReader.string;

import io.github.tracecheck.model.SpanNode;

/**
 * Database attributes of a span: the statement under its current name ({@code db.query.text}) and its
 * older one ({@code db.statement}), and the system ({@code db.system.name}, older {@code db.system}).
 */
public final class DbAttributes {

  private DbAttributes() {}

  /** The statement text; null when none is recorded. */
  public static String queryText(SpanNode span) {
    return string(span, "db.query.text", "db.statement");
  }

  /** e.g. {@code postgresql}; null when unknown. */
  public static String system(SpanNode span) {
    return string(span, "db.system.name", "db.system");
  }
}
