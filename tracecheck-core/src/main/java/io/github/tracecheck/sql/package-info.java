/**
 * SQL statement text as tracecheck reads it: finds literals where the semantic conventions expect
 * parameters ({@code ?}), for the {@code sql-literal} rule.
 */
package io.github.tracecheck.sql;
