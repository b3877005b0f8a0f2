package io.github.tracecheck.samples.checkout;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static io.github.tracecheck.collector.CollectorAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.collector.CollectorConfigLint;
import io.github.tracecheck.collector.CollectorPipeline;
import io.github.tracecheck.collector.ConfigFinding;
import io.github.tracecheck.collector.LintResult;
import io.github.tracecheck.collector.SamplingResult;
import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.GateMode;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.junit.TraceCheckRule;
import io.github.tracecheck.kafka.KafkaBroker;
import io.github.tracecheck.kafka.KafkaTestBroker;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The checkout's Collector deployment (an agent, and a tail-sampling gateway with redaction) on
 * traces of the real system: the gateway keeps every error and every slow checkout and lets no PII
 * through; the broken gateway drops fast errors and the lint names its traps.
 */
// The deployed configuration is linted by the gate before the tests run; the broken gateway by hand below.
@TraceCheck(collectorConfig = {"src/test/resources/collector/agent.yaml", "src/test/resources/collector/gateway.yaml"})
@KafkaBroker
class CheckoutCollectorTest {

  private static final Path AGENT = Path.of("src/test/resources/collector/agent.yaml");
  private static final Path GATEWAY = Path.of("src/test/resources/collector/gateway.yaml");
  private static final Path BROKEN_GATEWAY = Path.of("src/test/resources/collector/gateway-broken.yaml");

  private static final int CHECKOUTS = 4;

  /**
   * Healthy checkouts, two refused ones (503 with an ERROR status), one whose stock reservation
   * failed (ERROR in order-worker), and a slow one: the shopper's page span starts 700 ms before
   * the request, recorded with an explicit start time rather than waited for.
   */
  private static TraceForest checkouts(KafkaTestBroker kafka, CapturedTraces traces, Set<Bug> bugs) throws Exception {
    String topic = kafka.createTopic("orders");
    try (CheckoutSystem system = new CheckoutSystem(traces::openTelemetryFor, kafka.bootstrapServers(), topic, bugs)) {
      Storefront storefront = new Storefront(traces.openTelemetryFor("storefront"), system.gatewayUri());
      for (int i = 0; i < CHECKOUTS; i++) {
        assertThat(storefront.checkout("alice", "alice@example.com", "sku-" + i)).isEqualTo(202);
      }
      assertThat(storefront.checkout("bob", "bob@example.com", "discontinued")).isEqualTo(503);
      assertThat(storefront.checkout("carol", "carol@example.com", "discontinued")).isEqualTo(503);
      assertThat(storefront.checkout("dave", "dave@example.com", "flaky-sku")).isEqualTo(202);
      Span page = traces.openTelemetryFor("storefront").getTracer("storefront").spanBuilder("checkout page")
          .setStartTimestamp(System.currentTimeMillis() - 700, TimeUnit.MILLISECONDS).startSpan();
      try (Scope scope = page.makeCurrent()) {
        assertThat(storefront.checkout("erin", "erin@example.com", "sku-slow")).isEqualTo(202);
      } finally {
        page.end();
      }
      int ordersProcessed = CHECKOUTS + 2;
      traces.awaitUntil(ordersProcessed + " orders processed",
          f -> f.spans().stream().filter(s -> s.name().equals("process order")).count() == ordersProcessed);
      return traces.awaitAllEnded();
    }
  }

  private static boolean hasError(Trace trace) {
    return trace.spans().stream().anyMatch(s -> s.data().getStatus().getStatusCode() == StatusCode.ERROR);
  }

  private static boolean isCheckout(Trace trace) {
    return trace.spans().stream().anyMatch(s -> s.name().equals("POST /checkout"));
  }

  @Test
  void theGatewayKeepsEveryErrorAndEverySlowCheckout(KafkaTestBroker kafka, CapturedTraces traces) throws Exception {
    TraceForest forest = checkouts(kafka, traces, Set.of());

    SamplingResult sampled = CollectorPipeline.load(GATEWAY).sample(forest);

    assertThat(sampled.decisions()).hasSize(CHECKOUTS + 4);
    assertThat(sampled)
        .keepsEveryTraceWith(StatusCode.ERROR)
        .keepsTracesSlowerThan(Duration.ofMillis(500))
        .keepsByPolicy("errors", "of a refused or failed checkout", CheckoutCollectorTest::hasError)
        .keepsByPolicy("slow-checkouts", "of the slow shopper",
            t -> t.spans().stream().anyMatch(s -> s.name().equals("checkout page")));
    assertThat(sampled.kept().traces()).filteredOn(CheckoutCollectorTest::isCheckout).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  @TraceCheckRule(name = "pii", mode = GateMode.OFF) // the bug leaks on purpose: the test is what leaves the gateway
  void theGatewayLetsNoPiiOut(KafkaTestBroker kafka, CapturedTraces traces) throws Exception {
    TraceForest forest = checkouts(kafka, traces, Set.of(Bug.PII_IN_ATTRIBUTES));
    CollectorPipeline gateway = CollectorPipeline.load(GATEWAY);

    assertThatThrownBy(() -> assertThat(forest).hasNoPii()).hasMessageContaining("user.email");
    assertThat(gateway.apply(forest)).hasNoPii();
    // what tail_sampling keeps went through the redaction before it
    assertThat(gateway.sample(forest).kept()).hasNoPii();
  }

  @Test
  void theBrokenGatewayDropsFastErrors(KafkaTestBroker kafka, CapturedTraces traces) throws Exception {
    TraceForest forest = checkouts(kafka, traces, Set.of());

    SamplingResult sampled = CollectorPipeline.load(BROKEN_GATEWAY).sample(forest);

    // "errors AND slow" keeps no fast error: each is left to the 5% sample, which decides by the
    // random trace id. (keepsEveryTraceWith(ERROR) passed when the sample kept all three: 1 run in 8,000.)
    assertThatThrownBy(() -> assertThat(sampled).keepsByPolicy("slow-errors", "with an error", CheckoutCollectorTest::hasError))
        .hasMessageContaining("Expecting every trace with an error to be kept by policy \"slow-errors\" of tail_sampling")
        .hasMessageContaining("POST");
  }

  @Test
  void theLintPassesTheDeploymentAndNamesEveryTrapOfTheBrokenGateway() {
    LintResult correct = CollectorConfigLint.defaults().check(AGENT, GATEWAY);
    LintResult broken = CollectorConfigLint.defaults().check(AGENT, BROKEN_GATEWAY);

    assertThat(correct.findings()).isEmpty();
    assertThat(broken.findings()).extracting(ConfigFinding::check, ConfigFinding::path).containsExactly(
        org.assertj.core.groups.Tuple.tuple("memory-limiter-first", "service.pipelines.traces.processors[1]"),
        org.assertj.core.groups.Tuple.tuple("tail-sampling-memory", "processors.tail_sampling.num_traces"),
        org.assertj.core.groups.Tuple.tuple("otlp-json-over-http", "exporters.otlphttp.encoding"),
        org.assertj.core.groups.Tuple.tuple("url-tokens-survive", "service.pipelines.traces.processors"),
        org.assertj.core.groups.Tuple.tuple("url-tokens-survive", "service.pipelines.traces.processors"));
  }
}
