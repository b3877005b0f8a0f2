/**
 * The JUnit extension: {@link io.github.tracecheck.junit.TraceCheck} captures the spans of every
 * test, hands them to the test as {@link io.github.tracecheck.junit.CapturedTraces}, and after the
 * test runs the gate, which fails it for orphaned roots, dangling parents, spans never ended, a
 * leaked context and missing error statuses; {@link io.github.tracecheck.junit.TraceCheckRule} and
 * {@link io.github.tracecheck.junit.SuppressFinding} tune it.
 */
package io.github.tracecheck.junit;
