package io.github.tracecheck.rules.orphan;

import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.RuleOptions;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link OrphanedRootRule#checkRootsOf(TraceForest, java.util.function.Predicate, RuleOptions,
 * KeptHopIndexes)} over forests that overlap, as a window over a stream checks them: the findings
 * are those of indexing each forest afresh, whatever the forests before held.
 */
class KeptHopIndexesTest {

  private final OrphanedRootRule rule = new OrphanedRootRule();
  // as a window checks: each orphan reported on its own
  private final RuleOptions options = RuleOptions.defaults().withRepeatedOrphansCollapsed(false);
  private final KeptHopIndexes kept = new KeptHopIndexes();

  private static String traceId(int n) {
    return String.format("%032x", n);
  }

  /** A CLIENT span of "shop" calling GET /stock, alone in its trace. */
  private static Trace client(int trace, long start, long end) {
    return built(span("GET", id(trace * 10L)).trace(traceId(trace)).kind(SpanKind.CLIENT).service("shop")
        .attr("http.request.method", "GET").attr("url.full", "http://stock/stock").time(start, end).build());
  }

  /** A SERVER root of "stock" serving GET /stock: an orphan when a client of it was in flight. */
  private static Trace server(int trace, long start, long end) {
    return built(span("GET /stock", id(trace * 10L)).trace(traceId(trace)).kind(SpanKind.SERVER).service("stock")
        .attr("http.request.method", "GET").attr("url.path", "/stock").time(start, end).build());
  }

  private static Trace built(SpanData... spans) {
    return TraceForest.of(List.of(spans)).traces().get(0);
  }

  /** The trace built again from its spans and one more, as after a late span: a new {@link Trace}. */
  private static Trace withLateChild(Trace trace, long start, long end) {
    List<SpanData> spans = new ArrayList<>();
    trace.spans().forEach(node -> spans.add(node.data()));
    spans.add(span("late", id(999)).trace(trace.traceId()).parent(trace.firstRoot().spanId()).service("shop")
        .time(start, end).build());
    return TraceForest.of(spans).traces().get(0);
  }

  private List<String> checkedWithKeptIndexes(Trace... traces) {
    return checkedWithKeptIndexes(options, traces);
  }

  private List<String> checkedWithKeptIndexes(RuleOptions options, Trace... traces) {
    TraceForest forest = TraceForest.ofTraces(List.of(traces));
    List<String> found = messages(rule.checkRootsOf(forest, trace -> true, options, kept));
    assertThat(found).isEqualTo(messages(rule.check(forest, options)));
    return found;
  }

  private static List<String> messages(List<Finding> findings) {
    return findings.stream().map(Finding::message).toList();
  }

  @Test
  void findingsAreThoseOfIndexingEachForestAfresh() {
    Trace caller = client(1, 0, 100);
    Trace firstServer = server(2, 10, 50);
    Trace secondServer = server(3, 60, 80);

    assertThat(checkedWithKeptIndexes(caller, firstServer)).singleElement().asString().contains(traceId(1));
    assertThat(checkedWithKeptIndexes(caller, firstServer, secondServer)).hasSize(2);
    assertThat(kept.parts()).isEqualTo(2);
  }

  @Test
  void aTraceThatLeftTheForestIsNoLongerEvidence() {
    Trace caller = client(1, 0, 100);
    Trace server = server(2, 10, 50);
    assertThat(checkedWithKeptIndexes(caller, server)).hasSize(1);

    // the caller's part is kept for the server's trace, but the caller is gone: nothing names it
    assertThat(checkedWithKeptIndexes(server, server(3, 70, 80))).isEmpty();
  }

  @Test
  void aTraceBuiltAgainIsSearchedAsBuiltNow() {
    Trace caller = client(1, 0, 100);
    assertThat(checkedWithKeptIndexes(caller, server(2, 10, 50))).hasSize(1);

    Trace callerWithLateSpan = withLateChild(caller, 20, 30);
    assertThat(checkedWithKeptIndexes(callerWithLateSpan, server(3, 60, 80)))
        .singleElement().asString().contains(traceId(1));
  }

  @Test
  void aPartMostlyOfTracesNoLongerCheckedIsDroppedAndItsOtherTracesIndexedAgain() {
    List<Trace> traces = new ArrayList<>();
    for (int t = 1; t <= 10; t++) {
      traces.add(client(t, t * 100L, t * 100L + 50));
    }
    checkedWithKeptIndexes(traces.toArray(Trace[]::new));
    assertThat(kept.parts()).isEqualTo(1);

    assertThat(checkedWithKeptIndexes(traces.get(0), server(20, 110, 120))).hasSize(1);
    assertThat(kept.parts()).isEqualTo(1); // the old part held 1 live span of 10: both traces are in a new one
  }

  @Test
  void whatIsKeptFollowsTheForestNotTheChecksBefore() {
    // a window sliding over 2,000 traces; the first trace stays in every forest, as a long trace in flight would
    Trace longLived = client(1, 0, 1_000_000);
    List<Trace> window = new ArrayList<>();
    for (int t = 2; t <= 2_000; t++) {
      window.add(client(t, t * 10L, t * 10L + 5));
      if (window.size() > 50) {
        window.remove(0);
      }
      List<Trace> forest = new ArrayList<>(window);
      forest.add(longLived);
      checkedWithKeptIndexes(forest.toArray(Trace[]::new));
      // every part kept is at least half of the forest's: never more than twice what the forest holds
      assertThat(kept.spansIndexed()).isLessThanOrEqualTo(2 * forest.size());
      // a part per step would make every question cost more: the smallest are indexed again
      assertThat(kept.parts()).isLessThanOrEqualTo(KeptHopIndexes.MAX_PARTS);
    }
  }

  @Test
  void theKeptIndexesServeChecksWithOtherOptions() {
    // a consumer that links to the producer of its message: connected only when links count
    Trace producer = built(span("orders publish", id(10)).trace(traceId(1)).kind(SpanKind.PRODUCER).service("shop")
        .attr("messaging.system", "kafka").attr("messaging.destination.name", "orders").time(0, 5).build());
    Trace consumer = built(span("orders process", id(20)).trace(traceId(2)).kind(SpanKind.CONSUMER).service("worker")
        .attr("messaging.system", "kafka").attr("messaging.destination.name", "orders").link(traceId(1), id(10))
        .time(10, 20).build());

    assertThat(checkedWithKeptIndexes(options.withLinksConnect(true), producer, consumer)).isEmpty();
    assertThat(checkedWithKeptIndexes(options.withLinksConnect(false), producer, consumer)).hasSize(1);
    assertThat(kept.parts()).isEqualTo(1); // the second check searched the part the first one made
  }

  @Test
  void keptIndexesAreRequired() {
    TraceForest forest = TraceForest.ofTraces(List.of(client(1, 0, 100)));

    assertThatThrownBy(() -> rule.checkRootsOf(forest, trace -> true, options, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kept");
  }

  @Test
  void aCheckThatJudgesNoRootKeepsNothing() {
    checkedWithKeptIndexes(client(1, 0, 100), server(2, 10, 50));
    assertThat(kept.parts()).isEqualTo(1);

    // a root whose parent is missing is the dangling-parent rule's: this rule judges no root
    Trace continued = built(span("GET", id(30)).trace(traceId(3)).parent(id(31)).service("shop").time(0, 10).build());
    assertThat(checkedWithKeptIndexes(continued)).isEmpty();
    assertThat(kept.parts()).isZero();
  }
}
