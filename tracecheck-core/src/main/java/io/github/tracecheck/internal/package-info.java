/**
 * Helpers shared by tracecheck's packages (globs, JSON string literals). Not an API: anything here
 * may change without notice.
 */
package io.github.tracecheck.internal;
