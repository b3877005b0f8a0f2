package io.github.tracecheck.benchmarks;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Rules;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * What the gate costs after a test: building the trace forest and running every rule (orphans,
 * dangling parents, never-ended spans, error status, PII, SQL literals), against two baselines in
 * the same run: a bare pass reading every attribute's length, and a pass reading every character of
 * every string once (the one the gate is held to: at most 3x).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
public class GateBenchmark {

  @Param({"1000", "10000", "100000", "1000000"})
  public int spans;

  private List<SpanData> data;

  @Setup
  public void setUp() {
    data = SyntheticSpans.generate(spans, 7);
  }

  /** Baseline: one pass reading every attribute of every span and event. */
  @Benchmark
  public long barePass() {
    long characters = 0;
    for (SpanData span : data) {
      characters += span.getName().length() + span.getParentSpanId().length();
      for (Map.Entry<AttributeKey<?>, Object> entry : span.getAttributes().asMap().entrySet()) {
        characters += entry.getKey().getKey().length() + String.valueOf(entry.getValue()).length();
      }
      for (EventData event : span.getEvents()) {
        characters += event.getAttributes().size();
      }
    }
    return characters;
  }

  /**
   * The baseline the gate is held to (at most 3x): every character of every string the spans carry -
   * names, attribute keys and string values (arrays too) of spans, events, links and resources - read
   * once.
   */
  @Benchmark
  public long everyCharacterPass() {
    long sum = 0;
    Set<Object> resources = Collections.newSetFromMap(new IdentityHashMap<>());
    for (SpanData span : data) {
      sum += characters(span.getName());
      sum += characters(span.getAttributes());
      for (EventData event : span.getEvents()) {
        sum += characters(event.getName()) + characters(event.getAttributes());
      }
      for (LinkData link : span.getLinks()) {
        sum += characters(link.getAttributes());
      }
      if (resources.add(span.getResource())) {
        sum += characters(span.getResource().getAttributes());
      }
    }
    return sum;
  }

  private static long characters(Attributes attributes) {
    long[] sum = {0};
    attributes.forEach((key, value) -> {
      sum[0] += characters(key.getKey());
      if (value instanceof String text) {
        sum[0] += characters(text);
      } else if (value instanceof List<?> list) {
        for (Object element : list) {
          if (element instanceof String text) {
            sum[0] += characters(text);
          }
        }
      }
    });
    return sum[0];
  }

  private static long characters(String text) {
    long sum = 0;
    for (int i = 0; i < text.length(); i++) {
      sum += text.charAt(i);
    }
    return sum;
  }

  @Benchmark
  public int forestAndAllRules() {
    return Rules.check(TraceForest.of(data)).size();
  }

  /** The forest alone, to see how the cost divides between building and checking. */
  @Benchmark
  public int forestOnly() {
    return TraceForest.of(data).spanCount();
  }
}
