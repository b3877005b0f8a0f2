/**
 * Capturing the spans of a test run from the OpenTelemetry SDK. {@link
 * io.github.tracecheck.capture.SpanCapture} is the span processor and the only public class; it
 * attributes each span to the test that owns its trace (so tests may run in parallel), keeps each
 * test's spans and span starts up to a bound, and wakes whoever awaits spans on every start and
 * end, without polling.
 */
package io.github.tracecheck.capture;
