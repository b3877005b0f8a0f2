package io.github.tracecheck.collector;

import static io.github.tracecheck.collector.CollectorAssertions.assertThat;
import static io.github.tracecheck.collector.RecordedTraces.gateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.TraceCheck;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Loading the {@code tail_sampling} processor: every policy type, and clear errors for the rest. */
@TraceCheck
class TailSamplingConfigTest {

  private static final Path GATEWAY = Path.of("src/test/resources/tail-sampling-gateway.yaml");

  @Test
  void loadsEverySimulatedPolicyTypeWithDropPoliciesFirst() {
    CollectorPipeline collector = CollectorPipeline.load(GATEWAY);

    assertThat(collector.tailSampling().orElseThrow().policyNames()).containsExactly("drop-synthetic",
        "keep-errors", "keep-slow", "big-carts", "some-healthy", "vip-tenants", "payment-routes", "spans-budget",
        "not-health", "deep-traces", "canary", "debug-flag", "checkout-route", "slow-vip", "not-internal",
        "shared-budget");
  }

  @Test
  void theDocumentedShapeKeepsErrorsAndSlowTracesAndVetoesHealthChecks(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    Span failed = recorded.checkout(20, StatusCode.ERROR, Attributes.of(AttributeKey.stringKey("tenant"), "internal"));
    Span slow = recorded.checkout(700, StatusCode.UNSET, Attributes.of(AttributeKey.stringKey("tenant"), "internal"));
    Span failedHealth = recorded.checkout(20, StatusCode.ERROR, Attributes.of(AttributeKey.stringKey("url.path"), "/health"));
    Span synthetic = recorded.checkout(20, StatusCode.ERROR, Attributes.of(AttributeKey.booleanKey("synthetic"), true));

    SamplingResult result = CollectorPipeline.load(GATEWAY).sample(traces.snapshot());

    assertThat(result.decisionFor(failed.getSpanContext().getTraceId()).orElseThrow().policy()).isEqualTo("keep-errors");
    assertThat(result.decisionFor(slow.getSpanContext().getTraceId()).orElseThrow().policy()).isEqualTo("keep-slow");
    assertThat(result.decisionFor(failedHealth.getSpanContext().getTraceId()).orElseThrow())
        .extracting(TraceDecision::kept, TraceDecision::policy).containsExactly(false, "not-health");
    assertThat(result.decisionFor(synthetic.getSpanContext().getTraceId()).orElseThrow())
        .extracting(TraceDecision::kept, TraceDecision::policy).containsExactly(false, "drop-synthetic");
    // the veto and the drop are why "every error trace" does not hold for this gateway
    assertThatThrownBy(() -> assertThat(result).keepsEveryTraceWith(StatusCode.ERROR))
        .hasMessageContaining("to keep every trace with a span of status ERROR")
        .hasMessageContaining("by policy \"not-health\"")
        .hasMessageContaining("by policy \"drop-synthetic\"");
    assertThat(result).keepsTracesSlowerThan(Duration.ofMillis(500)).keepsByPolicy("keep-slow", "of the internal tenant",
        t -> t.firstRoot().data().getAttributes().get(AttributeKey.stringKey("tenant")) != null
            && t.firstRoot().data().getStatus().getStatusCode() != StatusCode.ERROR);
  }

  @Test
  void unsupportedPoliciesAndSettingsFailWithTheirPath() {
    assertThatThrownBy(() -> gateway("      - {name: bytes, type: bytes_limiting, bytes_limiting: {bytes_per_second: 1}}\n"))
        .isInstanceOf(CollectorConfigException.class)
        .hasMessageStartingWith("processors.tail_sampling.policies[0].type: policy type 'bytes_limiting' is not"
            + " simulated by tracecheck");
    assertThatThrownBy(() -> gateway("      - {name: slow, type: latency, latency: {threshold: 500}}\n"))
        .hasMessageStartingWith("processors.tail_sampling.policies[0].latency.threshold: setting is not supported");
    assertThatThrownBy(() -> gateway("      - {name: e, type: status_code, status_code: {status_codes: [FAILED]}}\n"))
        .hasMessageContaining("policies[0].status_code.status_codes[0]: unknown status code \"FAILED\"");
    assertThatThrownBy(() -> gateway("      - {type: always_sample}\n"))
        .hasMessageContaining("policies[0]: a policy needs a name");
    assertThatThrownBy(() -> gateway("      - {name: a, type: always_sample}\n      - {name: a, type: always_sample}\n"))
        .hasMessageContaining("policies[1].name: duplicate policy name \"a\"");
    assertThatThrownBy(() -> gateway(
        "      - {name: r, type: string_attribute, string_attribute: {key: k, values: ['(?!x)'], enabled_regex_matching: true}}\n"))
        .hasMessageContaining("policies[0].string_attribute.values[0]: regular expression")
        .hasMessageContaining("RE2");
    assertThatThrownBy(() -> gateway("    decision_wait: ten seconds\n", "      - {name: a, type: always_sample}\n"))
        .hasMessageContaining("processors.tail_sampling.decision_wait: \"ten seconds\" is not a duration");
    assertThatThrownBy(() -> gateway(
        "      - {name: n, type: not, not: {not_sub_policy: {name: c, type: composite, composite: {}}}}\n"))
        .hasMessageContaining("policies[0].not.not_sub_policy.type: policy type 'composite' is not allowed here");
    assertThatThrownBy(() -> gateway(
        "      - {name: o, type: ottl_condition, ottl_condition: {span: ['IsRootSpan()']}}\n"))
        .hasMessageContaining("policies[0].ottl_condition.span[0]");
    assertThatThrownBy(() -> gateway("      - {name: n, type: numeric_attribute, numeric_attribute: {key: k}}\n"))
        .hasMessageContaining("needs min_value or max_value");
  }

  @Test
  void aPipelineWithoutTailSamplingCannotSample(CapturedTraces traces) {
    CollectorPipeline redactionOnly = CollectorPipeline.load(Path.of("src/test/resources/otel-collector.yaml"));

    assertThatThrownBy(() -> redactionOnly.sample(traces.snapshot()))
        .isInstanceOf(CollectorConfigException.class)
        .hasMessageContaining("the pipeline has no tail_sampling processor");
  }
}
