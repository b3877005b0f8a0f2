/**
 * Checking a stream of spans larger than memory, as the Collector's tail sampling decides on traces:
 * spans are grouped by trace, and a trace is checked once it has been quiet for a window of span
 * time ({@code decision_wait}). {@link io.github.tracecheck.stream.WindowedChecker} runs the same
 * {@link io.github.tracecheck.rules.Rule}s as the in-memory checker; the rules that look across
 * traces (orphaned roots) get the traces of a bounded time neighbourhood, whose indexes are kept from
 * batch to batch. Memory depends on the window and the traces in flight, not on the length of the
 * stream.
 */
package io.github.tracecheck.stream;
