package io.github.tracecheck.stream;

import java.time.Duration;

/**
 * How a {@link WindowedChecker} holds traces.
 *
 * @param windowNanos how long, in span time, a trace must have been quiet (no span of it ending
 *     later) before it is checked, and how far back the cross-trace rules look from a trace's start
 *     for its likely cause. Too small: a trace whose spans arrive further apart is checked in pieces
 *     (a later piece is re-checked for what is new, or checked alone once the trace was dropped),
 *     and an orphan whose cause is further back is not named. Too large: more traces are held at once.
 * @param maxSpansHeld the most spans held at once, in flight and kept as neighbours; past it, the
 *     quietest traces are checked early, before their window ends, so that memory stays bounded
 * @param batchSpans how many quiet spans are checked together at least; a batch also waits until it
 *     holds a quarter of the spans held, so that checking its neighbours again costs at most three
 *     times as much as checking the batch
 */
public record WindowSettings(long windowNanos, long maxSpansHeld, int batchSpans) {

  /** 30 s of span time, as the Collector's {@code decision_wait} default. */
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(30);
  /** Room for about 200 MB of spans. */
  public static final long DEFAULT_MAX_SPANS_HELD = 200_000;
  public static final int DEFAULT_BATCH_SPANS = 10_000;

  public WindowSettings {
    if (windowNanos < 0) {
      throw new IllegalArgumentException("the window must not be negative: " + windowNanos + " ns");
    }
    if (maxSpansHeld < 1 || batchSpans < 1) {
      throw new IllegalArgumentException("maxSpansHeld and batchSpans must be at least 1: " + maxSpansHeld + ", " + batchSpans);
    }
  }

  /** The defaults: a 30 s window, 200,000 spans held, batches of 10,000 spans. */
  public static WindowSettings defaults() {
    return new WindowSettings(DEFAULT_WINDOW.toNanos(), DEFAULT_MAX_SPANS_HELD, DEFAULT_BATCH_SPANS);
  }

  public WindowSettings withWindow(Duration window) {
    return new WindowSettings(window.toNanos(), maxSpansHeld, batchSpans);
  }

  public WindowSettings withMaxSpansHeld(long spans) {
    return new WindowSettings(windowNanos, spans, batchSpans);
  }

  public WindowSettings withBatchSpans(int spans) {
    return new WindowSettings(windowNanos, maxSpansHeld, spans);
  }
}
