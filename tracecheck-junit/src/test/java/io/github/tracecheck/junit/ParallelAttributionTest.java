package io.github.tracecheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Tests running in parallel (methods and classes concurrent, 4 worker threads) each see exactly
 * their own spans: synchronous, asynchronous (context carried to a pool), and orphans started on a
 * pool thread, which either belong to the only test running or are reported as unattributed, but
 * are never blamed on another test.
 */
class ParallelAttributionTest {

  static final AttributeKey<Long> TEST_ID = AttributeKey.longKey("test.id");
  static final AtomicInteger misattributed = new AtomicInteger();
  static final AtomicInteger missing = new AtomicInteger();
  static final AtomicInteger testsRun = new AtomicInteger();

  /** The work every test does: a root, a child, sometimes async work, sometimes an orphan. */
  static void work(int id, Tracer tracer, CapturedTraces traces, ExecutorService pool) throws Exception {
    Span root = tracer.spanBuilder("test " + id).setAttribute(TEST_ID, (long) id).startSpan();
    try (Scope ignored = root.makeCurrent()) {
      tracer.spanBuilder("child").setAttribute(TEST_ID, (long) id).startSpan().end();
      if (id % 3 == 0) {
        pool.submit(Context.current().wrap(() -> tracer.spanBuilder("async").setAttribute(TEST_ID, (long) id).startSpan().end())).get();
      }
      if (id % 5 == 0) {
        pool.submit(() -> tracer.spanBuilder("orphan").setAttribute(TEST_ID, (long) id).startSpan().end()).get();
      }
    } finally {
      root.end();
    }
    TraceForest forest = traces.awaitAllEnded();
    int expected = 2 + (id % 3 == 0 ? 1 : 0);
    int own = 0;
    for (SpanNode span : forest.spans()) {
      Long owner = span.attribute(TEST_ID);
      if (owner == null || owner != id) {
        misattributed.incrementAndGet();
      } else if (!span.name().equals("orphan")) {
        own++;
      }
    }
    if (own != expected) {
      missing.addAndGet(expected - own);
    }
    testsRun.incrementAndGet();
  }

  static IntStream firstHalf() {
    return IntStream.range(0, 100);
  }

  static IntStream secondHalf() {
    return IntStream.range(100, 200);
  }

  @TraceCheck(gate = "off")
  static class FirstHundred {
    static ExecutorService pool;

    @BeforeAll
    static void start() {
      pool = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stop() {
      pool.shutdownNow();
    }

    @ParameterizedTest
    @MethodSource("io.github.tracecheck.junit.ParallelAttributionTest#firstHalf")
    void test(int id, Tracer tracer, CapturedTraces traces) throws Exception {
      work(id, tracer, traces, pool);
    }
  }

  @TraceCheck(gate = "off")
  static class SecondHundred {
    static ExecutorService pool;

    @BeforeAll
    static void start() {
      pool = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stop() {
      pool.shutdownNow();
    }

    @ParameterizedTest
    @MethodSource("io.github.tracecheck.junit.ParallelAttributionTest#secondHalf")
    void test(int id, Tracer tracer, CapturedTraces traces) throws Exception {
      work(id, tracer, traces, pool);
    }
  }

  @Test
  void twentyParallelRunsOf200TestsAttributeEverySpanToItsOwnTest() {
    int runs = 20;
    int unattributedReports = 0;
    for (int run = 0; run < runs; run++) {
      EngineExecutionResults results =
          EngineTestKit.engine("junit-jupiter")
              .configurationParameters(Map.of(
                  "junit.jupiter.execution.parallel.enabled", "true",
                  "junit.jupiter.execution.parallel.mode.default", "concurrent",
                  "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                  "junit.jupiter.execution.parallel.config.strategy", "fixed",
                  "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"))
              .selectors(selectClass(FirstHundred.class), selectClass(SecondHundred.class))
              .execute();
      results.testEvents().assertStatistics(s -> s.succeeded(200).failed(0));
      unattributedReports += (int) results.allEvents().reportingEntryPublished().stream()
          .filter(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().containsKey("tracecheck.unattributed"))
          .count();
    }
    System.out.printf("Parallel attribution: %d runs x 200 tests on 4 threads = %d tests; spans attributed to the"
        + " wrong test: %d; own spans missing: %d; classes that reported unattributed orphans: %d%n",
        runs, testsRun.get(), misattributed.get(), missing.get(), unattributedReports);
    assertThat(testsRun.get()).isEqualTo(runs * 200);
    assertThat(misattributed.get()).isZero();
    assertThat(missing.get()).isZero();
  }
}
