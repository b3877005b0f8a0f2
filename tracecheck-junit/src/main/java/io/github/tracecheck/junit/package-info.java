/**
 * The JUnit Jupiter integration: {@link io.github.tracecheck.junit.TraceCheck} captures each test's
 * spans, gives them to the test ({@link io.github.tracecheck.junit.CapturedTraces}), and after each
 * test runs the gate: the rules, with the settings of {@link io.github.tracecheck.junit.TraceCheckRule},
 * {@link io.github.tracecheck.junit.SuppressFinding}, {@link io.github.tracecheck.junit.AllowPii} and
 * the {@code tracecheck.*} properties, whose keys are constants on {@code TraceCheck}.
 */
package io.github.tracecheck.junit;
