/**
 * Readers for the semantic-convention attributes tracecheck's rules and assertions rely on: HTTP,
 * RPC, messaging, database, errors and threads. Each reader accepts the current attribute names,
 * the older names instrumentation still writes, and, for HTTP, the names Micrometer's Spring
 * observation conventions write, so that every rule reads a span the same way.
 */
package io.github.tracecheck.semconv;
