package io.github.tracecheck.rules.orphan;

import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SpansByStartTest {

  /** Nanoseconds of the test epoch: spans are built in milliseconds after it. */
  private static final long T0 = span("t0", id(1)).time(0, 0).build().getStartEpochNanos();

  private static long at(long millis) {
    return T0 + millis * 1_000_000;
  }

  private static List<SpanNode> nodes(SpanData... spans) {
    return TraceForest.of(List.of(spans)).spans();
  }

  private static List<String> names(Stream<SpanNode> spans) {
    return spans.map(SpanNode::name).collect(Collectors.toList());
  }

  @Test
  void emptyInputAnswersNothing() {
    SpansByStart index = new SpansByStart(List.of());

    assertThat(index.size()).isZero();
    assertThat(index.latestStartedBy(at(0))).isNull();
    assertThat(index.startedBy(Long.MAX_VALUE)).isEmpty();
    assertThat(index.inFlightAt(at(0))).isEmpty();
    assertThat(index.runningThrough(Long.MIN_VALUE, Long.MIN_VALUE)).isEmpty();
  }

  @Test
  void aSpanIsInFlightFromItsStartToItsEndBothIncluded() {
    SpansByStart index = new SpansByStart(nodes(span("call", id(1)).time(10, 20).build()));

    assertThat(names(index.inFlightAt(at(10) - 1))).isEmpty();
    assertThat(names(index.inFlightAt(at(10)))).containsExactly("call");
    assertThat(names(index.inFlightAt(at(15)))).containsExactly("call");
    assertThat(names(index.inFlightAt(at(20)))).containsExactly("call");
    assertThat(names(index.inFlightAt(at(20) + 1))).isEmpty();
  }

  @Test
  void inFlightSpansComeLatestStartFirstAndALongSpanStartedEarlyIsFound() {
    SpansByStart index =
        new SpansByStart(
            nodes(
                span("long", id(1)).time(0, 100).build(),
                span("ended", id(2)).time(10, 20).build(),
                span("inner", id(3)).time(40, 60).build(),
                span("later", id(4)).time(70, 80).build()));

    assertThat(names(index.inFlightAt(at(50)))).containsExactly("inner", "long");
  }

  @Test
  void runningThroughKeepsTheSpansThatStartedByTheFirstTimeAndEndedByTheSecond() {
    SpansByStart index =
        new SpansByStart(
            nodes(
                span("outer", id(1)).time(0, 100).build(),
                span("short", id(2)).time(5, 30).build(),
                span("middle", id(3)).time(10, 50).build()));

    assertThat(names(index.runningThrough(at(20), at(40)))).containsExactly("middle", "outer");
    assertThat(names(index.runningThrough(at(20), at(50)))).containsExactly("middle", "outer");
    assertThat(names(index.runningThrough(at(20), at(51)))).containsExactly("outer");
  }

  @Test
  void startedByListsEndedSpansToo() {
    SpansByStart index =
        new SpansByStart(
            nodes(
                span("first", id(1)).time(0, 1).build(),
                span("second", id(2)).time(10, 11).build(),
                span("not yet", id(3)).time(30, 31).build()));

    assertThat(names(index.startedBy(at(20)))).containsExactly("second", "first");
    assertThat(index.latestStartedBy(at(20)).name()).isEqualTo("second");
    assertThat(index.latestStartedBy(at(10)).name()).isEqualTo("second");
    assertThat(index.latestStartedBy(at(10) - 1).name()).isEqualTo("first");
    assertThat(index.latestStartedBy(at(0) - 1)).isNull();
  }

  @Test
  void ofSpansStartedAtTheSameTimeTheOneGivenLastCountsAsLatest() {
    List<SpanNode> given =
        nodes(
            span("a", id(1)).time(5, 9).build(),
            span("b", id(2)).time(5, 6).build(),
            span("c", id(3)).time(5, 7).build());
    List<String> givenNames = given.stream().map(SpanNode::name).collect(Collectors.toList());
    List<String> latestFirst = new ArrayList<>(givenNames);
    Collections.reverse(latestFirst);

    SpansByStart index = new SpansByStart(given);

    assertThat(index.latestStartedBy(at(5)).name()).isEqualTo(givenNames.get(2));
    assertThat(names(index.startedBy(at(5)))).isEqualTo(latestFirst);
    assertThat(names(index.inFlightAt(at(5)))).isEqualTo(latestFirst);
    assertThat(names(index.inFlightAt(at(7)))).containsExactlyInAnyOrder("a", "c");
    assertThat(index.latestStartedBy(at(5) - 1)).isNull();
  }

  @Test
  void spansGivenOutOfOrderAreOrderedByStartKeepingTheGivenOrderOfEqualStarts() {
    List<SpanNode> given =
        nodes(
            span("x", id(1)).time(9, 10).build(),
            span("a", id(2)).time(5, 6).build(),
            span("y", id(3)).time(1, 2).build(),
            span("b", id(4)).time(5, 6).build(),
            span("c", id(5)).time(5, 6).build());
    List<String> equalStarts =
        given.stream().map(SpanNode::name).filter(n -> "abc".contains(n)).collect(Collectors.toList());
    Collections.reverse(equalStarts);

    SpansByStart index = new SpansByStart(given);

    List<String> expected = new ArrayList<>(List.of("x"));
    expected.addAll(equalStarts);
    expected.add("y");
    assertThat(names(index.startedBy(at(9)))).isEqualTo(expected);
    assertThat(index.inStartOrder()).extracting(SpanNode::name).startsWith("y").endsWith("x");
  }

  @Test
  void startsTooFarApartToPackWithTheirIndexAreOrderedAllTheSame() {
    // 40 years apart: the offset and the index of three spans need more than 63 bits.
    long fortyYears = 40L * 365 * 24 * 3600 * 1000;
    List<SpanNode> given =
        nodes(
            span("late", id(1)).time(fortyYears, fortyYears + 1).build(),
            span("early", id(2)).time(0, 1).build(),
            span("middle", id(3)).time(fortyYears / 2, fortyYears / 2 + 1).build());

    SpansByStart index = new SpansByStart(given);

    assertThat(index.inStartOrder()).extracting(SpanNode::name).containsExactly("early", "middle", "late");
    assertThat(index.latestStartedBy(at(fortyYears / 2)).name()).isEqualTo("middle");
  }

  @Test
  void scansStopAtTheScanLimit() {
    List<SpanNode> given =
        nodes(
            span("oldest", id(1)).time(0, 100).build(),
            span("b", id(2)).time(1, 100).build(),
            span("c", id(3)).time(2, 100).build(),
            span("d", id(4)).time(3, 100).build());

    SpansByStart index = new SpansByStart(given, 2);

    assertThat(names(index.startedBy(at(50)))).containsExactly("d", "c");
    assertThat(names(index.inFlightAt(at(50)))).containsExactly("d", "c");
    assertThat(index.size()).isEqualTo(4);
  }

  @Test
  void groupsSpansByKeyLeavingOutNullKeys() {
    List<SpanNode> given =
        nodes(
            span("x1", id(1)).time(0, 1).build(),
            span("y1", id(2)).time(1, 2).build(),
            span("x2", id(3)).time(2, 3).build(),
            span("none", id(4)).time(3, 4).build());

    var groups = SpansByStart.groupedBy(given, n -> n.name().equals("none") ? null : n.name().substring(0, 1));

    assertThat(groups).containsOnlyKeys("x", "y");
    assertThat(names(groups.get("x").startedBy(at(10)))).containsExactly("x2", "x1");
    assertThat(groups.get("y").size()).isEqualTo(1);
  }

  @Test
  void aHundredThousandSpansAreIndexedAndQueriedOnASmallStack() throws Exception {
    List<SpanData> data = new ArrayList<>(100_000);
    for (int i = 0; i < 100_000; i++) {
      // given in reverse start order, so that the index has to sort them
      long start = 100_000 - i;
      data.add(span("s" + start, id(i + 1)).time(start, start + 10).build());
    }
    List<SpanNode> given = TraceForest.of(data).spans();
    AtomicReference<Object> result = new AtomicReference<>();

    Thread small =
        new Thread(
            null,
            () -> {
              try {
                SpansByStart index = new SpansByStart(given);
                result.set(List.of(
                    index.size(),
                    names(index.inFlightAt(at(50_000))),
                    index.latestStartedBy(at(100_000)).name(),
                    names(index.startedBy(at(100_000))).size()));
              } catch (Throwable e) {
                result.set(e);
              }
            },
            "small-stack",
            64 * 1024);
    small.start();
    small.join();

    assertThat(result.get())
        .isEqualTo(List.of(
            100_000,
            List.of("s50000", "s49999", "s49998", "s49997", "s49996", "s49995", "s49994", "s49993", "s49992",
                "s49991", "s49990"),
            "s100000",
            SpansByStart.SCAN_LIMIT));
  }
}
