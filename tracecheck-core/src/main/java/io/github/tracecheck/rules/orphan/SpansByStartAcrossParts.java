package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import java.util.List;
import java.util.function.Predicate;

/**
 * Several indexes by start taken as one, each with the test of which of its spans count (a part
 * kept from an earlier check holds spans of traces built again since, or no longer checked). Each
 * part answers for itself and the latest start wins; of equal starts, the later part's span, as of
 * equal starts in one index the span given later. Each part's scan is bounded as in one index, so a
 * question costs at most the number of parts times what it costs in one; a span that does not count
 * still counts towards its part's scan limit, and {@link #latestStartedBy(long)} is asked within that
 * limit too (in one index it needs no scan). Those limits only bind for thousands of spans at one
 * time, where one index would answer within its own limit instead.
 */
final class SpansByStartAcrossParts implements SpansInTime {

  private final List<SpansByStart> parts;
  private final List<Predicate<SpanNode>> live;

  /** {@code live.get(i)} tells which spans of {@code parts.get(i)} count; null: all do. */
  SpansByStartAcrossParts(List<SpansByStart> parts, List<Predicate<SpanNode>> live) {
    this.parts = parts;
    this.live = live;
  }

  @Override
  public SpanNode latestStartedBy(long time) {
    return latestStartedBy(time, span -> true);
  }

  @Override
  public SpanNode latestStartedBy(long time, Predicate<? super SpanNode> test) {
    SpanNode latest = null;
    for (int i = 0; i < parts.size(); i++) {
      latest = later(latest, parts.get(i).latestStartedBy(time, liveAnd(live.get(i), test)));
    }
    return latest;
  }

  @Override
  public SpanNode latestRunningThrough(long from, long to, Predicate<? super SpanNode> test) {
    SpanNode latest = null;
    for (int i = 0; i < parts.size(); i++) {
      latest = later(latest, parts.get(i).latestRunningThrough(from, to, liveAnd(live.get(i), test)));
    }
    return latest;
  }

  private static Predicate<? super SpanNode> liveAnd(Predicate<SpanNode> isLive, Predicate<? super SpanNode> test) {
    return isLive == null ? test : span -> isLive.test(span) && test.test(span);
  }

  private static SpanNode later(SpanNode latest, SpanNode found) {
    return found != null && (latest == null || found.startEpochNanos() >= latest.startEpochNanos()) ? found : latest;
  }
}
