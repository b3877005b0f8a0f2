/**
 * AssertJ assertions on captured traces, reached from {@link
 * io.github.tracecheck.assertj.TraceCheckAssertions}: all traces, one trace, one span, tree shapes,
 * worker-pool hops, and the trace context in a carrier. The protocol modules build their hop and
 * wire assertions on the two bases here: {@link io.github.tracecheck.assertj.AbstractHopAssert}
 * (connected, remote child, protocol attributes) and {@link
 * io.github.tracecheck.assertj.AbstractWireContextAssert} (traceparent, tracestate, baggage).
 */
package io.github.tracecheck.assertj;
