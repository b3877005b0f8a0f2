package io.github.tracecheck.collector;

import static io.github.tracecheck.collector.CollectorAssertions.assertThat;
import static io.github.tracecheck.collector.RecordedTraces.gateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The {@code probabilistic} policy decides by the Collector's trace-id hash. The expected hashes and
 * thresholds below were computed apart from this code (a short script with exact fractions for Go's
 * {@code big.Float} rounding), so they check the arithmetic, not restate it.
 */
@TraceCheck
class ProbabilisticPolicyTest {

  private static byte[] id(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private static long hash(String salt, String traceId) {
    return ProbabilisticPolicy.hash(salt.getBytes(StandardCharsets.UTF_8), id(traceId));
  }

  @Test
  void hashesTheSaltThenTheTraceIdWithFnv1a64() {
    assertThat(Long.toUnsignedString(hash("default-hash-seed", "4bf92f3577b34da6a3ce929d0e0e4736")))
        .isEqualTo("11908981664384643253");
    assertThat(Long.toUnsignedString(hash("default-hash-seed", "0af7651916cd43dd8448eb211c80319c")))
        .isEqualTo("3728843964641534796");
    assertThat(Long.toUnsignedString(hash("my-salt", "00000000000000000000000000000001")))
        .isEqualTo("7959616958859997177");
  }

  @Test
  void roundsTheThresholdAsGosBigFloat() {
    // the Collector divides sampling_percentage by 100 in float64 first, as here
    assertThat(Long.toUnsignedString(ProbabilisticPolicy.threshold(5.0 / 100))).isEqualTo("922337203685477631");
    assertThat(Long.toUnsignedString(ProbabilisticPolicy.threshold(33.3 / 100))).isEqualTo("6142765776545279999");
    assertThat(Long.toUnsignedString(ProbabilisticPolicy.threshold(0.01 / 100))).isEqualTo("1844674407370955");
    assertThat(Long.toUnsignedString(ProbabilisticPolicy.threshold(0.5))).isEqualTo("9223372036854775807");
    assertThat(Long.toUnsignedString(ProbabilisticPolicy.threshold(1))).isEqualTo("18446744073709551615");
    assertThat(ProbabilisticPolicy.threshold(0)).isZero();
    assertThat(ProbabilisticPolicy.threshold(2)).as("over 100% saturates").isEqualTo(-1L);
  }

  /**
   * A request continuing a caller's trace whose id comes from {@code ids}: a population of such
   * traces from a fixed seed keeps the same count on every run. With the SDK's random ids the count
   * is binomial, and {@code keepsAbout}'s 4 standard deviations would fail correct code about once
   * in 15,000 runs.
   */
  private static Context callerFrom(SplittableRandom ids) {
    String traceId = String.format("%016x%016x", ids.nextLong(), ids.nextLong());
    String spanId = String.format("%016x", ids.nextLong());
    return Context.root().with(Span.wrap(
        SpanContext.createFromRemoteParent(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault())));
  }

  @Test
  void keepsAboutItsShareOfAGeneratedPopulationAndAlwaysTheSameTraces(Tracer tracer, CapturedTraces traces) {
    SplittableRandom ids = new SplittableRandom(20_260_101L);
    for (int i = 0; i < 4_000; i++) {
      tracer.spanBuilder("GET /products").setSpanKind(SpanKind.SERVER).setParent(callerFrom(ids)).startSpan().end();
    }
    for (int i = 0; i < 20; i++) {
      Span failed = tracer.spanBuilder("POST /checkout").startSpan();
      failed.setStatus(StatusCode.ERROR);
      failed.end();
    }
    TraceForest population = traces.snapshot();
    CollectorPipeline collector = gateway(
        "      - {name: errors, type: status_code, status_code: {status_codes: [ERROR]}}\n"
            + "      - {name: healthy-5-percent, type: probabilistic, probabilistic: {sampling_percentage: 5}}\n");

    SamplingResult first = collector.sample(population);
    SamplingResult again = collector.sample(population);

    assertThat(first)
        .keepsEveryTraceWith(StatusCode.ERROR)
        .keepsAbout(0.05).ofTracesMatching("healthy", t -> t.firstRoot().name().equals("GET /products"));
    assertThat(again.decisions()).extracting(d -> d.trace().traceId(), TraceDecision::kept, TraceDecision::policy)
        .isEqualTo(first.decisions().stream().map(d -> org.assertj.core.groups.Tuple.tuple(
            d.trace().traceId(), d.kept(), d.policy())).toList());
    assertThatThrownBy(() -> assertThat(first).keepsAbout(0.5).ofTracesMatching(t -> true))
        .hasMessageContaining("Expecting about 50.0% of the 4020 traces matching to be kept by tail_sampling");
  }

  @Test
  void theSaltChangesWhichTracesAreKept(Tracer tracer, CapturedTraces traces) {
    for (int i = 0; i < 200; i++) {
      tracer.spanBuilder("GET /products").startSpan().end();
    }
    TraceForest population = traces.snapshot();

    SamplingResult unsalted = gateway(
        "      - {name: half, type: probabilistic, probabilistic: {sampling_percentage: 50}}\n").sample(population);
    SamplingResult salted = gateway(
        "      - {name: half, type: probabilistic, probabilistic: {sampling_percentage: 50, hash_salt: gateway-2}}\n")
        .sample(population);

    assertThat(salted.decisions().stream().map(TraceDecision::kept).toList())
        .isNotEqualTo(unsalted.decisions().stream().map(TraceDecision::kept).toList());
    for (TraceDecision decision : unsalted.decisions()) {
      long hash = hash(ProbabilisticPolicy.DEFAULT_SALT, decision.trace().traceId());
      assertThat(decision.kept()).isEqualTo(Long.compareUnsigned(hash, ProbabilisticPolicy.threshold(0.5)) <= 0);
    }
  }
}
