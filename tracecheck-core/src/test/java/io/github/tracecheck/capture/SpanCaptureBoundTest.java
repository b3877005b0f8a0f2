package io.github.tracecheck.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.SpanStart;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Span starts count toward the per-test bound, like ended spans: a flood never grows the capture. */
class SpanCaptureBoundTest {

  private static final int BOUND = 1_000;
  private static final int STARTS = 50_000;
  private static final String TEST = "flood";

  private final SpanCapture capture = new SpanCapture(false, BOUND);
  private final SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(capture).build();
  private final Tracer tracer = provider.get("test");

  @BeforeEach
  void begin() {
    capture.beginTest(TEST, false, BOUND);
  }

  @AfterEach
  void close() {
    provider.close();
  }

  private List<Span> startMany() {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < STARTS; i++) {
      spans.add(tracer.spanBuilder("span " + i).startSpan());
    }
    return spans;
  }

  private static List<String> firstNames(int count) {
    return IntStream.range(0, count).mapToObj(i -> "span " + i).collect(Collectors.toList());
  }

  private static List<String> names(List<SpanStart> starts) {
    return starts.stream().map(SpanStart::name).collect(Collectors.toList());
  }

  @Test
  void startsNeverEndedAreKeptUpToTheBoundAndStillCounted() {
    List<Span> spans = startMany();

    assertThat(names(capture.startedSpans(TEST))).isEqualTo(firstNames(BOUND));
    assertThat(names(capture.openSpans(TEST))).isEqualTo(firstNames(BOUND));
    assertThat(capture.droppedStarts(TEST)).isEqualTo(STARTS - BOUND);
    assertThat(capture.openSpanCount(TEST)).isEqualTo(STARTS);
    assertThat(capture.endedSpans(TEST)).isEmpty();
    assertThat(capture.droppedSpans(TEST)).isZero();

    // Ending them all, the ones whose start was not kept included, leaves nothing open.
    spans.forEach(Span::end);

    assertThat(capture.openSpanCount(TEST)).isZero();
    assertThat(capture.openSpans(TEST)).isEmpty();
    assertThat(capture.startedSpans(TEST)).hasSize(BOUND);
    assertThat(capture.endedSpans(TEST)).hasSize(BOUND);
    assertThat(capture.droppedSpans(TEST)).isEqualTo(STARTS - BOUND);
    assertThat(capture.droppedStarts(TEST)).isEqualTo(STARTS - BOUND);
    assertThat(capture.snapshot(TEST).spanCount()).isEqualTo(BOUND);
  }

  @Test
  void startsEndedAtOnceAreKeptUpToTheBound() {
    for (int i = 0; i < STARTS; i++) {
      tracer.spanBuilder("span " + i).startSpan().end();
    }

    assertThat(names(capture.startedSpans(TEST))).isEqualTo(firstNames(BOUND));
    assertThat(capture.endedSpans(TEST)).extracting(s -> s.getName()).isEqualTo(firstNames(BOUND));
    assertThat(capture.openSpans(TEST)).isEmpty();
    assertThat(capture.openSpanCount(TEST)).isZero();
    assertThat(capture.droppedStarts(TEST)).isEqualTo(STARTS - BOUND);
    assertThat(capture.droppedSpans(TEST)).isEqualTo(STARTS - BOUND);
  }

  @Test
  void theDefaultCaptureHasTheSameBound() {
    capture.endTest(TEST);

    startMany();

    assertThat(capture.startedSpans()).hasSize(BOUND);
    assertThat(capture.openSpans()).hasSize(BOUND);
    assertThat(capture.droppedStarts(Attribution.DEFAULT)).isEqualTo(STARTS - BOUND);
  }

  @Test
  void resetForgetsTheCountsAndKeepsAgainUpToTheBound() {
    List<Span> before = startMany();
    capture.reset(TEST);

    assertThat(capture.droppedStarts(TEST)).isZero();
    assertThat(capture.openSpanCount(TEST)).isZero();

    before.forEach(Span::end);
    tracer.spanBuilder("after reset").startSpan().end();

    // Spans started before the reset still end into the capture, as they always did.
    assertThat(capture.openSpanCount(TEST)).isZero();
    assertThat(capture.endedSpans(TEST)).hasSize(BOUND);
    assertThat(capture.droppedSpans(TEST)).isEqualTo(STARTS + 1 - BOUND);
    assertThat(names(capture.startedSpans(TEST))).containsExactly("after reset");
  }
}
