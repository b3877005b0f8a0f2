package io.github.tracecheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.tracecheck.model.SpanNode;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * A parallel suite as a user writes one: 4 threads, methods and classes concurrent, 340 tests that
 * mix {@code @TraceCheck} classes (one with nested classes) with plain classes that make spans
 * through GlobalOpenTelemetry, tests that continue one shared incoming {@code traceparent}, a
 * server thread that continues each test's client span, context-carrying fire-and-forget work that
 * outlives its test, and orphans on a pool. Every span carries the id of the test that made it:
 * each traced test checks it sees no span of another test, and no finding of the gate (orphans are
 * warnings here) draws another test's span. Several runs.
 */
class MixedParallelSuiteTest {

  // Not a lambda: before OpenTelemetry 1.50, keys() had no default.
  static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier.get(key);
        }
      };

  static final AttributeKey<Long> TEST_ID = AttributeKey.longKey("test.id");
  static final int RUNS = 5;
  static final AtomicInteger wrongTest = new AtomicInteger();
  static final AtomicInteger ownMissing = new AtomicInteger();
  static final AtomicInteger tracedTests = new AtomicInteger();
  static final SpanContext INCOMING = SpanContext.createFromRemoteParent(
      "5b8efff798038103d269b633813fc60c", "eee19b7ec3c1b174", TraceFlags.getSampled(), TraceState.getDefault());

  // Shared by every class of a run: a "server" that continues the client's trace from headers, and
  // fire-and-forget work that ends after its test.
  static final ExecutorService server = Executors.newFixedThreadPool(2, r -> new Thread(r, "http-server"));
  static final ExecutorService background = Executors.newFixedThreadPool(2, r -> new Thread(r, "background"));
  static final ExecutorService orphans = Executors.newFixedThreadPool(2, r -> new Thread(r, "orphan-pool"));
  static volatile CountDownLatch runEnded = new CountDownLatch(1);

  /** What every traced test does, then checks that it sees exactly its own spans. */
  static void tracedWork(long id, Tracer tracer, CapturedTraces traces) throws Exception {
    Context parent = id % 4 == 0 ? Context.root().with(Span.wrap(INCOMING)) : Context.root();
    Span root = tracer.spanBuilder("test " + id).setParent(parent).setAttribute(TEST_ID, id).startSpan();
    int expected = 2;
    try (Scope ignored = root.makeCurrent()) {
      Span client = tracer.spanBuilder("GET /stock").setSpanKind(SpanKind.CLIENT).setAttribute(TEST_ID, id).startSpan();
      try (Scope c = client.makeCurrent()) {
        Map<String, String> headers = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
        // the server thread extracts the headers: no test mark, the parent span's owner decides
        server.submit(() -> {
          Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, GETTER);
          tracer.spanBuilder("GET /stock").setSpanKind(SpanKind.SERVER).setParent(extracted)
              .setAttribute(TEST_ID, id).startSpan().end();
        }).get(10, TimeUnit.SECONDS);
        expected += 1;
      } finally {
        client.end();
      }
      if (id % 7 == 0) {
        // fire and forget: starts now with the test's context, ends after the whole run
        background.submit(Context.current().wrap(() -> {
          Span late = tracer.spanBuilder("fire and forget").setAttribute(TEST_ID, id).startSpan();
          try {
            runEnded.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          late.end();
        }));
      }
      if (id % 5 == 0) {
        orphans.submit(() -> tracer.spanBuilder("orphan").setAttribute(TEST_ID, id).startSpan().end())
            .get(10, TimeUnit.SECONDS);
      }
    } finally {
      root.end();
    }
    int own = 0;
    String rootName = "test " + id;
    for (SpanNode span : traces.awaitUntil("the test's root ended", f -> f.spans().stream()
        .anyMatch(n -> n.name().equals(rootName))).spans()) {
      Long owner = span.attribute(TEST_ID);
      if (owner == null || owner != id) {
        wrongTest.incrementAndGet();
      } else if (!span.name().equals("orphan")) {
        own++;
      }
    }
    if (own < expected) {
      ownMissing.addAndGet(expected - own);
    }
    tracedTests.incrementAndGet();
  }

  /** A test of a plain class: spans through GlobalOpenTelemetry, which no test of tracecheck owns. */
  static void plainWork(long id) {
    Tracer tracer = GlobalOpenTelemetry.getTracer("plain");
    Span root = tracer.spanBuilder("plain " + id).setAttribute(TEST_ID, id).startSpan();
    try (Scope ignored = root.makeCurrent()) {
      tracer.spanBuilder("plain child").setAttribute(TEST_ID, id).startSpan().end();
    } finally {
      root.end();
    }
  }

  static IntStream ids0() {
    return IntStream.range(0, 120);
  }

  static IntStream ids1() {
    return IntStream.range(1000, 1060);
  }

  static IntStream ids2() {
    return IntStream.range(2000, 2060);
  }

  static IntStream ids3() {
    return IntStream.range(3000, 3050);
  }

  static IntStream ids4() {
    return IntStream.range(4000, 4050);
  }

  @TraceCheck(gate = "warn")
  static class Traced {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.tracecheck.junit.MixedParallelSuiteTest#ids0")
    void test(int id, Tracer tracer, CapturedTraces traces) throws Exception {
      tracedWork(id, tracer, traces);
    }
  }

  @TraceCheck(gate = "warn")
  static class TracedWithNested {
    @Nested
    class Checkout {
      @ParameterizedTest(name = "{0}")
      @MethodSource("io.github.tracecheck.junit.MixedParallelSuiteTest#ids1")
      void test(int id, Tracer tracer, CapturedTraces traces) throws Exception {
        tracedWork(id, tracer, traces);
      }
    }

    @Nested
    class Refund {
      @ParameterizedTest(name = "{0}")
      @MethodSource("io.github.tracecheck.junit.MixedParallelSuiteTest#ids2")
      void test(int id, Tracer tracer, CapturedTraces traces) throws Exception {
        tracedWork(id, tracer, traces);
      }
    }
  }

  static class Plain {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.tracecheck.junit.MixedParallelSuiteTest#ids3")
    void test(int id) {
      plainWork(id);
    }
  }

  static class OtherPlain {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.tracecheck.junit.MixedParallelSuiteTest#ids4")
    void test(int id) {
      plainWork(id);
    }
  }

  @AfterAll
  static void stopPools() {
    runEnded.countDown();
    server.shutdownNow();
    background.shutdownNow();
    orphans.shutdownNow();
  }

  @Test
  void noSpanAndNoFindingLandsOnAnotherTest() {
    int tests = 120 + 60 + 60 + 50 + 50;
    int blamed = 0;
    for (int run = 0; run < RUNS; run++) {
      runEnded = new CountDownLatch(1);
      EngineExecutionResults results =
          EngineTestKit.engine("junit-jupiter")
              .configurationParameters(Map.of(
                  "junit.jupiter.execution.parallel.enabled", "true",
                  "junit.jupiter.execution.parallel.mode.default", "concurrent",
                  "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                  "junit.jupiter.execution.parallel.config.strategy", "fixed",
                  "junit.jupiter.execution.parallel.config.fixed.parallelism", "4",
                  // fire-and-forget spans stay open on purpose: the gate need not wait for them
                  "tracecheck.gate.await", "10ms"))
              .selectors(selectClass(Traced.class), selectClass(TracedWithNested.class), selectClass(Plain.class),
                  selectClass(OtherPlain.class))
              .execute();
      runEnded.countDown();
      assertThat(results.testEvents().failed().stream()
          .map(e -> e.getTestDescriptor().getUniqueId() + ": "
              + e.getRequiredPayload(TestExecutionResult.class).getThrowable().map(Throwable::toString).orElse("")))
          .as("failed tests of run %d", run)
          .isEmpty();
      results.testEvents().assertStatistics(s -> s.succeeded(tests).failed(0));
      blamed += findingsDrawingAnotherTestsSpans(results);
    }
    System.out.printf("Mixed parallel suite: %d runs x %d tests (240 traced, 100 plain) on 4 threads; spans on the"
            + " wrong test: %d; own spans missing: %d; gate reports checked: %d, drawing another test's span: %d%n",
        RUNS, tests, wrongTest.get(), ownMissing.get(), findingsChecked.get(), blamed);
    assertThat(tracedTests.get()).isEqualTo(RUNS * 240);
    assertThat(wrongTest.get()).isZero();
    assertThat(ownMissing.get()).isZero();
    assertThat(blamed).isZero();
    assertThat(findingsChecked.get()).as("gate reports (orphans are warnings) to check").isPositive();
  }

  static final AtomicInteger findingsChecked = new AtomicInteger();

  private static final Pattern DRAWN_ID = Pattern.compile("test\\.id=(\\d+)");

  /** Warnings published for a test whose drawn trees show a span of another test. */
  private static int findingsDrawingAnotherTestsSpans(EngineExecutionResults results) {
    int blamed = 0;
    for (Event event : results.allEvents().reportingEntryPublished().list()) {
      String text = event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("tracecheck");
      if (text == null) {
        continue;
      }
      String own = event.getTestDescriptor().getDisplayName();
      findingsChecked.incrementAndGet();
      List<String> drawn = new ArrayList<>();
      Matcher m = DRAWN_ID.matcher(text);
      while (m.find()) {
        drawn.add(m.group(1));
      }
      if (drawn.stream().anyMatch(id -> !id.equals(own))) {
        blamed++;
      }
    }
    return blamed;
  }
}
