/**
 * The Collector configuration lint in the JUnit gate: {@link
 * io.github.tracecheck.collector.junit.CollectorLintForTraceCheck} is what {@code @TraceCheck} runs,
 * once per run, for the files named by {@code @TraceCheck(collectorConfig = ...)} or {@code
 * tracecheck.collector.config}; the classes fail while they have findings.
 */
package io.github.tracecheck.collector.junit;
