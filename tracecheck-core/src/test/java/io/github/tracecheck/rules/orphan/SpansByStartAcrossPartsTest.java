package io.github.tracecheck.rules.orphan;

import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SpansByStartAcrossPartsTest {

  private static final long T0 = span("t0", id(1)).time(0, 0).build().getStartEpochNanos();

  private static long at(long millis) {
    return T0 + millis * 1_000_000;
  }

  private static SpansByStart part(SpanData... spans) {
    return new SpansByStart(TraceForest.of(List.of(spans)).spans());
  }

  private static SpansByStartAcrossParts across(List<SpansByStart> parts, Predicate<SpanNode>... live) {
    return new SpansByStartAcrossParts(parts, Arrays.asList(live));
  }

  @Test
  void eachQuestionIsAnsweredByTheLatestStartInAnyPart() {
    SpansByStart first = part(span("a", id(1)).time(10, 60).build(), span("c", id(3)).time(30, 60).build());
    SpansByStart second = part(span("b", id(2)).time(20, 60).build());
    SpansByStartAcrossParts index = across(List.of(first, second), null, null);

    assertThat(index.latestStartedBy(at(25)).name()).isEqualTo("b");
    assertThat(index.latestStartedBy(at(35)).name()).isEqualTo("c");
    assertThat(index.latestStartedBy(at(25), span -> !span.name().equals("b")).name()).isEqualTo("a");
    assertThat(index.latestInFlightAt(at(40), span -> true).name()).isEqualTo("c");
    assertThat(index.latestInFlightAt(at(40), span -> !span.name().equals("c")).name()).isEqualTo("b");
    assertThat(index.latestRunningThrough(at(25), at(60), span -> true).name()).isEqualTo("b");
    assertThat(index.latestStartedBy(at(5))).isNull();
    assertThat(index.latestInFlightAt(at(61), span -> true)).isNull();
  }

  @Test
  void ofEqualStartsTheSpanOfTheLaterPartCounts() {
    SpansByStart first = part(span("x", id(1)).time(10, 20).build());
    SpansByStart second = part(span("y", id(2)).time(10, 20).build());

    assertThat(across(List.of(first, second), null, null).latestStartedBy(at(10)).name()).isEqualTo("y");
    assertThat(across(List.of(second, first), null, null).latestInFlightAt(at(15), span -> true).name()).isEqualTo("x");
  }

  @Test
  void spansThatNoLongerCountAreNeitherOfferedToTheTestNorFound() {
    SpansByStart first = part(span("kept", id(1)).time(20, 60).build(), span("gone", id(2)).time(30, 60).build());
    SpansByStart second = part(span("other", id(3)).time(10, 60).build());
    SpansByStartAcrossParts index =
        across(List.of(first, second), span -> !span.name().equals("gone"), null);

    List<String> offered = new ArrayList<>();
    assertThat(index.latestInFlightAt(at(40), span -> offered.add(span.name()) && false)).isNull();
    assertThat(offered).containsExactlyInAnyOrder("kept", "other");
    assertThat(index.latestInFlightAt(at(40), span -> true).name()).isEqualTo("kept");
    assertThat(index.latestStartedBy(at(40)).name()).isEqualTo("kept");
  }
}
