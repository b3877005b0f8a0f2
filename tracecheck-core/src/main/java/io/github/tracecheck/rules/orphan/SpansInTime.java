package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import java.util.function.Predicate;

/**
 * What the hops ask of a set of spans: which one started last by a time, and which one was running
 * through a time. One index over a forest's spans ({@link SpansByStart}) answers, and so do indexes
 * kept from earlier checks of overlapping forests ({@link SpansByStartAcrossParts}).
 */
interface SpansInTime {

  /** The latest span that started at or before {@code time}; null when none did. */
  SpanNode latestStartedBy(long time);

  /**
   * Of the spans that started at or before {@code time}, the latest that passes the test; null when
   * none of the latest scan limit of them does.
   */
  SpanNode latestStartedBy(long time, Predicate<? super SpanNode> test);

  /**
   * Of the spans that started at or before {@code from} and ended at or after {@code to} (with
   * {@code from == to}, the spans in flight at that time), the latest started that passes the test;
   * null when none does.
   */
  SpanNode latestRunningThrough(long from, long to, Predicate<? super SpanNode> test);

  /** Of the spans in flight at {@code time}, the latest started that passes the test. */
  default SpanNode latestInFlightAt(long time, Predicate<? super SpanNode> test) {
    return latestRunningThrough(time, time, test);
  }

  /**
   * Of the spans in flight at {@code time} give or take {@link SpansByStart#CLOCK_LEEWAY_NANOS}, for
   * comparing the times of spans of different traces (started by {@code time} plus the leeway, ended
   * at or after {@code time} less it), the latest started that passes the test.
   */
  default SpanNode latestInFlightAround(long time, Predicate<? super SpanNode> test) {
    return latestRunningThrough(time + SpansByStart.CLOCK_LEEWAY_NANOS, time - SpansByStart.CLOCK_LEEWAY_NANOS, test);
  }
}
