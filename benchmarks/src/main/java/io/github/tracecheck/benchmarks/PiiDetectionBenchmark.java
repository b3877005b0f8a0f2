package io.github.tracecheck.benchmarks;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.PiiRule;
import io.github.tracecheck.rules.RuleOptions;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.EventData;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PII detection over 100,000 spans of typical size, against the baseline of one bare pass reading
 * every attribute value of the same spans.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PiiDetectionBenchmark {

  @Param("100000")
  public int spans;

  private TraceForest forest;

  @Setup
  public void setUp() {
    forest = TraceForest.of(SyntheticSpans.generate(spans, 42));
  }

  /** Baseline: read every attribute value of every span and event once. */
  @Benchmark
  public long barePass() {
    long characters = 0;
    for (SpanNode node : forest.spans()) {
      characters += node.name().length();
      for (Map.Entry<AttributeKey<?>, Object> entry : node.data().getAttributes().asMap().entrySet()) {
        characters += entry.getKey().getKey().length() + String.valueOf(entry.getValue()).length();
      }
      for (EventData event : node.data().getEvents()) {
        characters += event.getAttributes().size();
      }
    }
    return characters;
  }

  @Benchmark
  public int piiRule() {
    return new PiiRule().check(forest, RuleOptions.defaults()).size();
  }
}
