/**
 * Worker-pool hops: a probe that tells whether an executor propagates the OpenTelemetry context to
 * the tasks it runs, and what is lost when it does not.
 */
package io.github.tracecheck.pools;
