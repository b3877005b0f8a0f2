package io.github.tracecheck.semconv;

import static io.github.tracecheck.semconv.KnownAttributes.DB_QUERY_TEXT;
import static io.github.tracecheck.semconv.KnownAttributes.DB_STATEMENT;
import static io.github.tracecheck.semconv.KnownAttributes.DB_SYSTEM;
import static io.github.tracecheck.semconv.KnownAttributes.DB_SYSTEM_NAME;

import io.github.tracecheck.model.SpanNode;

/**
 * Database attributes of a span: the statement under its current name ({@code db.query.text}) and its
 * older one ({@code db.statement}), and the system ({@code db.system.name}, older {@code db.system}).
 */
public final class DbAttributes {

  private DbAttributes() {}

  /** The statement text; null when none is recorded. */
  public static String queryText(SpanNode span) {
    return KnownAttributes.of(span).string(DB_QUERY_TEXT, DB_STATEMENT);
  }

  /** e.g. {@code postgresql}; null when unknown. */
  public static String system(SpanNode span) {
    return KnownAttributes.of(span).string(DB_SYSTEM_NAME, DB_SYSTEM);
  }
}
