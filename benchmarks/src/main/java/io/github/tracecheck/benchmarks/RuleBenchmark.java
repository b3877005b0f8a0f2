package io.github.tracecheck.benchmarks;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Rule;
import io.github.tracecheck.rules.RuleOptions;
import io.github.tracecheck.rules.Rules;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each gate rule alone on a built forest of 100,000 spans, and the rules that judge spans one by one
 * together (one traversal): where the gate's time goes. The forest is
 * built afresh before each call (outside the measured time), as the gate builds one per check: what a
 * rule reads once and keeps on the forest's nodes (the semantic-convention attributes) is read again
 * by each call, as it would be in a gate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class RuleBenchmark {

  /** A rule's name, or several joined by {@code +}: rules run together, as the gate runs them. */
  @Param({"orphaned-root", "dangling-parent", "span-never-ended", "missing-error-status", "pii", "sql-literal",
      "missing-error-status+pii+sql-literal"})
  public String rule;

  private List<SpanData> spans;
  private TraceForest forest;
  private List<Rule> selected;

  @Setup
  public void setUp() {
    spans = SyntheticSpans.generate(100_000, 7);
    List<String> names = List.of(rule.split("\\+"));
    selected = Rules.builtIn().stream().filter(r -> names.contains(r.name())).toList();
    if (selected.size() != names.size()) {
      throw new IllegalArgumentException("no built-in rule for each of " + names);
    }
  }

  @Setup(Level.Invocation)
  public void buildForest() {
    forest = TraceForest.of(spans);
  }

  @Benchmark
  public int check() {
    return Rules.check(forest, selected, RuleOptions.defaults()).size();
  }
}
