/**
 * The Collector configuration lint as a JUnit gate: {@link
 * io.github.tracecheck.collector.junit.CollectorLintExtension} checks the files named by {@code
 * tracecheck.collector.config} once per run and fails the test classes while they have findings.
 */
package io.github.tracecheck.collector.junit;
