/**
 * What other tracecheck modules plug into {@code @TraceCheck}, found with {@link
 * java.util.ServiceLoader}: {@link io.github.tracecheck.junit.spi.CollectorConfigLinter}, the
 * Collector configuration lint of {@code tracecheck-collector}.
 */
package io.github.tracecheck.junit.spi;
