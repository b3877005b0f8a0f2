package io.github.tracecheck.stream;

import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.ForestProblem;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.otlp.OtlpJsonReader;
import io.github.tracecheck.otlp.OtlpJsonWriter;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.RuleOptions;
import io.github.tracecheck.rules.Rules;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The windowed checker finds what the in-memory checker finds, holding a bounded part of the stream. */
class WindowedCheckerTest {

  /** The one-window-holds-everything case and batches of one span, to shake the batching out. */
  private static final List<WindowSettings> SETTINGS = List.of(
      WindowSettings.defaults(),
      WindowSettings.defaults().withBatchSpans(1),
      WindowSettings.defaults().withWindow(Duration.ofSeconds(1)).withBatchSpans(7));

  @Test
  void everyOtlpFileOfTheTestSuiteGivesTheSameFindingsAsInMemory() throws Exception {
    List<Path> files = otlpFiles();
    assertThat(files).hasSizeGreaterThanOrEqualTo(5);
    for (Path file : files) {
      List<SpanData> spans;
      try {
        spans = OtlpJsonReader.read(file);
      } catch (io.github.tracecheck.otlp.OtlpFormatException e) {
        continue; // the suite's deliberately broken files: nothing to check
      }
      for (WindowSettings settings : SETTINGS) {
        assertThat(streamed(spans, settings)).as("%s with %s", file, settings).isEqualTo(inMemory(spans));
      }
    }
  }

  @Test
  void aBusyStreamOfInterleavedTracesGivesTheSameFindingsAsInMemory() {
    List<SpanData> spans = busyStream(400);
    List<String> expected = inMemory(spans);

    assertThat(expected).filteredOn(f -> f.startsWith("orphaned-root")).hasSizeGreaterThan(10);
    assertThat(expected).filteredOn(f -> f.startsWith("missing-error-status")).hasSizeGreaterThan(10);
    for (WindowSettings settings : SETTINGS) {
      assertThat(streamed(spans, settings)).as("%s", settings).isEqualTo(expected);
    }
  }

  @Test
  void aBusyStreamWrittenAndReadBackGivesTheSameFindings() throws Exception {
    List<SpanData> spans = busyStream(50);
    String written = OtlpJsonWriter.write(TraceForest.of(spans));
    List<SpanData> read = OtlpJsonReader.read(new StringReader(written), "written");

    assertThat(streamed(read, WindowSettings.defaults().withBatchSpans(3))).isEqualTo(inMemory(spans));
  }

  @Test
  void memoryIsBoundedByTheWindowNotByTheStream() {
    List<SpanData> spans = busyStream(2_000);
    WindowSettings settings = WindowSettings.defaults().withWindow(Duration.ofMillis(200)).withBatchSpans(50);
    long[] mostHeld = {0};
    WindowedChecker checker = WindowedChecker.withBuiltInRules(settings, batch -> { });
    for (SpanData span : spans) {
      checker.accept(span);
      mostHeld[0] = Math.max(mostHeld[0], checker.spansHeld());
    }
    checker.finish();

    // traces start every 10 ms and last 50 ms: a window of 200 ms holds a few dozen, never all 2,000
    assertThat(mostHeld[0]).isLessThan(spans.size() / 10);
    assertThat(checker.lateSpans()).isZero();
    assertThat(checker.tracesCheckedEarly()).isZero();
  }

  @Test
  void aBatchIsCheckedOnceItIsAQuarterOfWhatIsHeld() {
    List<SpanData> spans = busyStream(2_000);
    WindowSettings settings = WindowSettings.defaults().withWindow(Duration.ofMillis(200)).withBatchSpans(1);
    List<long[]> batchAndHeld = new ArrayList<>();
    WindowedChecker[] checker = new WindowedChecker[1];
    checker[0] = WindowedChecker.withBuiltInRules(
        settings, batch -> batchAndHeld.add(new long[] {batch.forest().spanCount(), checker[0].spansHeld()}));
    spans.forEach(checker[0]); // not finished: the last batch is whatever is left

    assertThat(batchAndHeld).hasSizeGreaterThan(10)
        .allSatisfy(sizes -> assertThat(sizes[0] * 4).isGreaterThanOrEqualTo(sizes[1]))
        // it does not wait to be half of what is held, which would hold more spans at once
        .anySatisfy(sizes -> assertThat(sizes[0] * 2).isLessThan(sizes[1]));
  }

  @Test
  void pastTheBoundTheQuietestTracesAreCheckedEarlyAndNothingIsLost() {
    List<SpanData> spans = busyStream(300);
    WindowSettings settings = WindowSettings.defaults().withMaxSpansHeld(40).withBatchSpans(10);
    List<String> found = new ArrayList<>();
    long[] mostHeld = {0};
    WindowedChecker checker = WindowedChecker.withBuiltInRules(settings, batch -> found.addAll(keys(batch)));
    for (SpanData span : spans) {
      checker.accept(span);
      mostHeld[0] = Math.max(mostHeld[0], checker.spansHeld());
    }
    checker.finish();

    assertThat(checker.tracesCheckedEarly()).isPositive();
    assertThat(mostHeld[0]).isLessThanOrEqualTo(40 + 10 + 8);
    // the per-trace rules lose nothing when traces are checked early
    assertThat(found.stream().filter(f -> f.startsWith("missing-error-status")).sorted().toList())
        .isEqualTo(inMemory(spans).stream().filter(f -> f.startsWith("missing-error-status")).toList());
  }

  @Test
  void aSpanLaterThanTheWindowReopensItsTraceAndOnlyNewFindingsAreReported() {
    List<SpanData> spans = new ArrayList<>();
    spans.add(span("GET /a", id(1)).kind(SpanKind.SERVER).time(0, 10).exception("java.io.IOException", "x").build());
    // far later in span time, a span of another trace moves the clock on
    spans.add(span("GET /b", id(2)).trace(io.github.tracecheck.testing.TestSpans.OTHER_TRACE_ID).time(1_500, 1_510).build());
    // then the first trace's child, long after its trace was checked
    spans.add(span("late", id(3)).parent(id(1)).time(2, 3).exception("java.io.IOException", "y").build());
    WindowSettings settings = WindowSettings.defaults().withWindow(Duration.ofSeconds(1)).withBatchSpans(1);
    List<String> found = new ArrayList<>();
    WindowedChecker checker = WindowedChecker.withBuiltInRules(settings, batch -> found.addAll(keys(batch)));

    spans.forEach(checker);
    checker.finish();

    assertThat(checker.lateSpans()).isEqualTo(1);
    assertThat(found.stream().sorted().toList()).isEqualTo(inMemory(spans));
  }

  @Test
  void aSpanOfATraceCheckedAndDroppedIsCheckedAloneWithoutAFalseDanglingParent() {
    List<SpanData> spans = new ArrayList<>();
    spans.add(span("GET /a", id(1)).kind(SpanKind.SERVER).time(0, 10).build());
    // far later in span time: the first trace is checked and dropped
    spans.add(span("GET /b", id(2)).trace(io.github.tracecheck.testing.TestSpans.OTHER_TRACE_ID).time(9_000, 9_010).build());
    spans.add(span("GET /c", id(4)).trace(String.format("%032x", 77)).time(19_000, 19_010).build());
    // then a child of the first trace, with a problem of its own
    spans.add(span("late", id(3)).parent(id(1)).time(2, 3).exception("java.io.IOException", "y").build());
    WindowSettings settings = WindowSettings.defaults().withWindow(Duration.ofSeconds(1)).withBatchSpans(1);
    List<String> found = new ArrayList<>();
    WindowedChecker checker = WindowedChecker.withBuiltInRules(settings, batch -> found.addAll(keys(batch)));

    spans.forEach(checker);
    checker.finish();

    assertThat(checker.lateSpans()).isEqualTo(1);
    assertThat(checker.traces()).isEqualTo(3);
    assertThat(found).singleElement().asString().startsWith("missing-error-status " + io.github.tracecheck.testing.TestSpans.TRACE_ID + "/" + id(3));
  }

  @Test
  void wrongSettingsAreRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WindowSettings(-1, 10, 10))
        .hasMessage("the window must not be negative: -1 ns");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WindowSettings(1, 0, 10))
        .hasMessage("maxSpansHeld and batchSpans must be at least 1: 0, 10");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static List<String> inMemory(List<SpanData> spans) {
    TraceForest forest = TraceForest.of(spans);
    List<String> keys = new ArrayList<>();
    // The stream reports repeated orphans each on its own (see WindowedChecker): so does this reference.
    for (Finding finding : Rules.check(forest, Rules.builtIn(), RuleOptions.defaults().withRepeatedOrphansCollapsed(false))) {
      keys.add(key(finding));
    }
    for (ForestProblem problem : forest.problems()) {
      keys.add(problem.kind() + " " + problem.span().spanId());
    }
    return keys.stream().sorted().toList();
  }

  private static List<String> streamed(List<SpanData> spans, WindowSettings settings) {
    List<String> keys = new ArrayList<>();
    WindowedChecker checker = WindowedChecker.withBuiltInRules(settings, batch -> keys.addAll(keys(batch)));
    spans.forEach(checker);
    checker.finish();
    return keys.stream().sorted().toList();
  }

  private static List<String> keys(CheckedBatch batch) {
    List<String> keys = new ArrayList<>();
    batch.findings().forEach(f -> keys.add(key(f)));
    batch.problems().forEach(p -> keys.add(p.kind() + " " + p.span().spanId()));
    return keys;
  }

  private static String key(Finding finding) {
    return finding.rule() + " " + finding.span().map(s -> s.traceId() + "/" + s.spanId()).orElse("-") + " " + finding.message();
  }

  private static List<Path> otlpFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(Path.of("src/test/resources"), Path.of("../tracecheck-cli/src/test/resources"))) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonl"))
            .filter(p -> !p.toString().contains("pii-corpus") && !p.toString().contains("w3c"))
            .forEach(files::add);
      }
    }
    return files;
  }

  /**
   * {@code traces} checkouts starting every 10 ms, each a server, a client call and a producer, its
   * consumer in the same trace - except every 7th, whose consumer lost the context and started its own
   * trace, and every 5th, whose client recorded an exception without an ERROR status. Spans come in the
   * order they end, as an exporter sends them.
   */
  static List<SpanData> busyStream(int traces) {
    List<SpanData> spans = new ArrayList<>();
    for (int i = 0; i < traces; i++) {
      String trace = String.format("%032x", 0x1000L + i);
      String orphanTrace = String.format("%032x", 0x900000L + i);
      long t = i * 10L;
      long n = i * 10L + 1;
      spans.add(span("POST /checkout", id(n)).trace(trace).kind(SpanKind.SERVER).service("api-gateway")
          .attr("http.request.method", "POST").attr("http.route", "/checkout").time(t, t + 50).build());
      var client = span("GET /prices", id(n + 1)).trace(trace).parent(id(n)).kind(SpanKind.CLIENT).service("api-gateway")
          .attr("http.request.method", "GET").attr("url.full", "http://prices/prices").time(t + 1, t + 10);
      if (i % 5 == 0) {
        client.exception("java.net.SocketTimeoutException", "read timed out");
      }
      spans.add(client.build());
      spans.add(span("orders publish", id(n + 2)).trace(trace).parent(id(n)).kind(SpanKind.PRODUCER).service("api-gateway")
          .attr("messaging.system", "kafka").attr("messaging.destination.name", "orders").time(t + 11, t + 13).build());
      boolean lost = i % 7 == 3;
      var consumer = span("orders process", id(n + 3)).trace(lost ? orphanTrace : trace).kind(SpanKind.CONSUMER)
          .service("order-worker").attr("messaging.system", "kafka").attr("messaging.destination.name", "orders")
          .time(t + 20, t + 40);
      if (!lost) {
        consumer.parent(id(n + 2));
      }
      spans.add(consumer.build());
      spans.add(span("INSERT orders", id(n + 4)).trace(lost ? orphanTrace : trace).parent(id(n + 3)).kind(SpanKind.CLIENT)
          .service("order-worker").attr("db.system", "h2").attr("db.query.text", "INSERT INTO orders VALUES (?, ?)")
          .status(StatusCode.UNSET, "").time(t + 21, t + 30).build());
    }
    spans.sort(Comparator.comparingLong(SpanData::getEndEpochNanos));
    return spans;
  }
}
