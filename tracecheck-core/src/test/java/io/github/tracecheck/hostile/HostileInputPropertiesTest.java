package io.github.tracecheck.hostile;

import static io.github.tracecheck.testing.TestSpans.withRawIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.render.TraceTreeRenderer;
import io.github.tracecheck.rules.Rules;
import io.github.tracecheck.testing.TestSpans;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Span sets a buggy service could produce - parent cycles, self-parents, duplicate and invalid
 * ids, huge values, deep chains, wide fan-outs, many resources - and what tracecheck must do with
 * them: build, check and render, always, keeping every span, with output of bounded size.
 */
class HostileInputPropertiesTest {

  private static long cases;
  private static long started = System.nanoTime();

  /** One generated span: which trace, which id, which parent (by index), and its shape. */
  record Spec(int trace, int id, int parent, int kindIndex, int nameLength, int attributeLength, int service,
      boolean invalidId) {}

  @Provide
  Arbitrary<List<Spec>> spanSets() {
    Arbitrary<Spec> spec =
        Combinators.combine(
                Arbitraries.integers().between(0, 3), // few traces: spans collide
                Arbitraries.integers().between(1, 40), // few ids: duplicates and cycles
                Arbitraries.integers().between(-1, 40), // parent id, -1 for a root, can be itself
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 300),
                Arbitraries.frequency(List.of(
                    net.jqwik.api.Tuple.of(20, 5), net.jqwik.api.Tuple.of(1, 50_000))), // rare enormous values
                Arbitraries.integers().between(0, 30), // many resources
                Arbitraries.of(false, false, false, false, true)) // sometimes an invalid id
            .as(Spec::new);
    return Arbitraries.oneOf(
        spec.list().ofMinSize(0).ofMaxSize(60),
        chains(),
        fanOuts());
  }

  /** A deep chain: each span the child of the one before (with an occasional cycle at the end). */
  private static Arbitrary<List<Spec>> chains() {
    return Arbitraries.integers().between(1, 2000).map(length -> {
      List<Spec> chain = new ArrayList<>();
      for (int i = 1; i <= length; i++) {
        chain.add(new Spec(0, i, i == 1 ? (length % 2 == 0 ? length : -1) : i - 1, 4, 5, 5, 0, false));
      }
      return chain;
    });
  }

  /** A wide fan-out: one root with many children. */
  private static Arbitrary<List<Spec>> fanOuts() {
    return Arbitraries.integers().between(1, 2000).map(width -> {
      List<Spec> fan = new ArrayList<>();
      fan.add(new Spec(0, 1, -1, 1, 5, 5, 0, false));
      for (int i = 2; i <= width + 1; i++) {
        fan.add(new Spec(0, i, 1, 2, 5, 5, i % 7, false));
      }
      return fan;
    });
  }

  private static List<SpanData> spans(List<Spec> specs) {
    List<SpanData> spans = new ArrayList<>();
    String[] traces = {TestSpans.TRACE_ID, TestSpans.OTHER_TRACE_ID, "11111111111111111111111111111111", "22222222222222222222222222222222"};
    for (Spec s : specs) {
      SpanData span = TestSpans.span("n".repeat(s.nameLength()), TestSpans.id(s.id()))
          .trace(traces[s.trace()])
          .parent(s.parent() < 0 ? null : TestSpans.id(Math.max(s.parent(), 1)))
          .kind(SpanKind.values()[s.kindIndex()])
          .service("svc-" + s.service())
          .attr("payload", "v".repeat(s.attributeLength()))
          .attr("messaging.system", "kafka").attr("messaging.destination.name", "t" + (s.id() % 3))
          .time(s.id(), s.id() + 10)
          .build();
      spans.add(s.invalidId() ? withRawIds(span, traces[s.trace()], "not-an-id-" + s.id()) : span);
    }
    return spans;
  }

  @Property(tries = 10_000)
  void buildingCheckingAndRenderingAlwaysFinishAndKeepEverySpan(@ForAll("spanSets") List<Spec> specs) {
    List<SpanData> spans = spans(specs);

    TraceForest forest = TraceForest.of(spans);

    assertThat(forest.spanCount()).isEqualTo(spans.size());
    Set<SpanNode> seen = new HashSet<>();
    for (SpanNode node : forest.spans()) {
      assertThat(seen.add(node)).as("each span once in tree order").isTrue();
      assertThat(node.pathFromRoot()).hasSize(node.depth() + 1);
    }
    assertThat(Rules.check(forest)).isNotNull();
    String drawn = TraceTreeRenderer.create().render(forest);
    // At most 200 drawn spans, each line bounded: a flood of input never floods the log.
    assertThat(drawn.length()).isLessThan(200 * 400 + forest.traces().size() * 200 + 1000);
    cases++;
  }

  @AfterContainer
  static void report() {
    System.out.printf("Hostile input: %d generated cases built, checked and rendered in %.1f s%n",
        cases, (System.nanoTime() - started) / 1e9);
  }
}
