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
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
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

  /** The names of the spans a scan offers its test, in the order offered (the test passes none). */
  private static List<String> names(Function<Predicate<SpanNode>, SpanNode> scan) {
    List<String> offered = new ArrayList<>();
    SpanNode found = scan.apply(span -> offered.add(span.name()) && false);
    assertThat(found).isNull();
    return offered;
  }

  @Test
  void emptyInputAnswersNothing() {
    SpansByStart index = new SpansByStart(List.of());

    assertThat(index.size()).isZero();
    assertThat(index.latestStartedBy(at(0))).isNull();
    assertThat(names(test -> index.latestStartedBy(Long.MAX_VALUE, test))).isEmpty();
    assertThat(names(test -> index.latestInFlightAt(at(0), test))).isEmpty();
    assertThat(names(test -> index.latestRunningThrough(Long.MIN_VALUE, Long.MIN_VALUE, test))).isEmpty();
  }

  @Test
  void aSpanIsInFlightFromItsStartToItsEndBothIncluded() {
    SpansByStart index = new SpansByStart(nodes(span("call", id(1)).time(10, 20).build()));

    assertThat(names(test -> index.latestInFlightAt(at(10) - 1, test))).isEmpty();
    assertThat(names(test -> index.latestInFlightAt(at(10), test))).containsExactly("call");
    assertThat(names(test -> index.latestInFlightAt(at(15), test))).containsExactly("call");
    assertThat(names(test -> index.latestInFlightAt(at(20), test))).containsExactly("call");
    assertThat(names(test -> index.latestInFlightAt(at(20) + 1, test))).isEmpty();
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

    assertThat(names(test -> index.latestInFlightAt(at(50), test))).containsExactly("inner", "long");
  }

  @Test
  void runningThroughKeepsTheSpansThatStartedByTheFirstTimeAndEndedByTheSecond() {
    SpansByStart index =
        new SpansByStart(
            nodes(
                span("outer", id(1)).time(0, 100).build(),
                span("short", id(2)).time(5, 30).build(),
                span("middle", id(3)).time(10, 50).build()));

    assertThat(names(test -> index.latestRunningThrough(at(20), at(40), test))).containsExactly("middle", "outer");
    assertThat(names(test -> index.latestRunningThrough(at(20), at(50), test))).containsExactly("middle", "outer");
    assertThat(names(test -> index.latestRunningThrough(at(20), at(51), test))).containsExactly("outer");
  }

  @Test
  void aScanAnswersTheLatestSpanThatPassesItsTestAndOffersNoEarlierOne() {
    SpansByStart index =
        new SpansByStart(
            nodes(
                span("outer", id(1)).time(0, 100).build(),
                span("middle", id(2)).time(10, 90).build(),
                span("inner", id(3)).time(20, 80).build()));
    List<String> offered = new ArrayList<>();

    SpanNode found = index.latestInFlightAt(at(50), span -> offered.add(span.name()) && !span.name().equals("inner"));

    assertThat(found.name()).isEqualTo("middle");
    assertThat(offered).containsExactly("inner", "middle");
    assertThat(index.latestStartedBy(at(50), span -> span.name().startsWith("o")).name()).isEqualTo("outer");
    assertThat(index.latestRunningThrough(at(15), at(85), span -> true).name()).isEqualTo("middle");
    assertThat(index.latestInFlightAt(at(50), span -> false)).isNull();
  }

  @Test
  void aroundATimeTheClockLeewayCountsOnBothSides() {
    SpansByStart index =
        new SpansByStart(
            nodes(
                span("ended 1 ms before", id(1)).time(0, 49).build(),
                span("ended 3 ms before", id(2)).time(0, 47).build(),
                span("starts 1 ms after", id(3)).time(51, 60).build(),
                span("starts 3 ms after", id(4)).time(53, 60).build()));

    assertThat(names(test -> index.latestInFlightAround(at(50), test)))
        .containsExactlyInAnyOrder("ended 1 ms before", "starts 1 ms after");
  }

  @Test
  void startedByListsEndedSpansToo() {
    SpansByStart index =
        new SpansByStart(
            nodes(
                span("first", id(1)).time(0, 1).build(),
                span("second", id(2)).time(10, 11).build(),
                span("not yet", id(3)).time(30, 31).build()));

    assertThat(names(test -> index.latestStartedBy(at(20), test))).containsExactly("second", "first");
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
    assertThat(names(test -> index.latestStartedBy(at(5), test))).isEqualTo(latestFirst);
    assertThat(names(test -> index.latestInFlightAt(at(5), test))).isEqualTo(latestFirst);
    assertThat(names(test -> index.latestInFlightAt(at(7), test))).containsExactlyInAnyOrder("a", "c");
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
    assertThat(names(test -> index.latestStartedBy(at(9), test))).isEqualTo(expected);
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

    assertThat(names(test -> index.latestStartedBy(at(50), test))).containsExactly("d", "c");
    assertThat(names(test -> index.latestInFlightAt(at(50), test))).containsExactly("d", "c");
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
    assertThat(names(test -> groups.get("x").latestStartedBy(at(10), test))).containsExactly("x2", "x1");
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
                    names(test -> index.latestInFlightAt(at(50_000), test)),
                    index.latestStartedBy(at(100_000)).name(),
                    names(test -> index.latestStartedBy(at(100_000), test)).size()));
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
