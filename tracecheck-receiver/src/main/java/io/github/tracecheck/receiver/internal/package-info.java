/**
 * The receiver's parts that other tracecheck modules may use but users should not: the received
 * span's {@code SpanData}, the HTTP and gRPC endpoints. Not an API: anything here may change.
 */
package io.github.tracecheck.receiver.internal;
