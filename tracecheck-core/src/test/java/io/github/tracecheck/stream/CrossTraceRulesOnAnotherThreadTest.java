package io.github.tracecheck.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.Rule;
import io.github.tracecheck.rules.RuleInfo;
import io.github.tracecheck.rules.RuleMode;
import io.github.tracecheck.rules.RuleOptions;
import io.github.tracecheck.rules.Rules;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rules that need neighbours run on another thread: the same findings in the same order, and their failures reach the caller. */
class CrossTraceRulesOnAnotherThreadTest {

  private static final WindowSettings SETTINGS = WindowSettings.defaults().withWindow(Duration.ofSeconds(1)).withBatchSpans(7);

  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopThePool() {
    pool.shutdownNow();
  }

  @Test
  void theFindingsAreThoseOfOneThreadInTheSameOrder() {
    List<SpanData> spans = WindowedCheckerTest.busyStream(400);
    AtomicInteger tasks = new AtomicInteger();
    Executor countingPool = task -> {
      tasks.incrementAndGet();
      pool.execute(task);
    };

    List<String> onTwoThreads = findings(spans, Rules.builtIn(), countingPool);

    assertThat(tasks).as("batches whose orphan rule ran on the pool").hasPositiveValue();
    assertThat(onTwoThreads).filteredOn(f -> f.startsWith("orphaned-root")).hasSizeGreaterThan(10);
    assertThat(onTwoThreads).isEqualTo(findings(spans, Rules.builtIn(), Runnable::run));
  }

  @Test
  void whatARuleThrowsOnThePoolIsThrownToTheCaller() {
    Rule broken = new Rule() {
      @Override
      public RuleInfo info() {
        return RuleInfo.of("broken-across-traces", "fails on every forest", RuleMode.FAIL);
      }

      @Override
      public List<Finding> check(TraceForest forest, RuleOptions options) {
        throw new IllegalStateException("the rule broke on " + forest.traces().size() + " traces");
      }
    };

    assertThatThrownBy(() -> findings(WindowedCheckerTest.busyStream(20), List.of(broken), pool))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the rule broke on ");
  }

  private static List<String> findings(List<SpanData> spans, List<Rule> rules, Executor crossTraceExecutor) {
    List<String> found = new ArrayList<>();
    WindowedChecker checker = new WindowedChecker(SETTINGS, rules, RuleOptions.defaults(), crossTraceExecutor,
        batch -> batch.findings().forEach(f -> found.add(
            f.rule() + " " + f.span().map(span -> span.spanId()).orElse("") + " " + f.message())));
    spans.forEach(checker);
    checker.finish();
    return found;
  }
}
