/**
 * Capturing the spans of a test run from the OpenTelemetry SDK. {@link
 * io.github.tracecheck.capture.SpanCapture} is the span processor; it attributes each span to the
 * test it descends from (the mark {@link io.github.tracecheck.capture.TestContext} puts in the
 * test's context, else its parent's or its trace's owner), so tests may run in parallel, keeps each
 * test's spans and span starts up to a bound, and wakes whoever awaits spans on every start and
 * end, without polling.
 */
package io.github.tracecheck.capture;
