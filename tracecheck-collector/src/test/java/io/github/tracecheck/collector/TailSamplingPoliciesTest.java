package io.github.tracecheck.collector;

import static io.github.tracecheck.collector.CollectorAssertions.assertThat;
import static io.github.tracecheck.collector.RecordedTraces.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.TraceCheck;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import org.junit.jupiter.api.Test;

/**
 * Each simulated policy on traces captured from the real SDK: the traces it must keep and the ones
 * it must not, including the Collector's edges a naive reimplementation gets wrong.
 */
@TraceCheck
class TailSamplingPoliciesTest {

  private static final Attributes NONE = Attributes.empty();

  private static String id(Span span) {
    return span.getSpanContext().getTraceId();
  }

  private static boolean kept(SamplingResult result, Span root) {
    return result.decisionFor(id(root)).orElseThrow().kept();
  }

  private static String policy(SamplingResult result, Span root) {
    return result.decisionFor(id(root)).orElseThrow().policy();
  }

  @Test
  void statusCodeKeepsTracesWithAnErrorSpanOnly(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    Span failed = recorded.checkout(20, StatusCode.ERROR, NONE);
    Span ok = recorded.checkout(20, StatusCode.OK, NONE);
    Span unset = recorded.checkout(20, StatusCode.UNSET, NONE);

    SamplingResult result = gateway(
        "      - {name: errors, type: status_code, status_code: {status_codes: [ERROR]}}\n")
        .sample(traces.snapshot());

    assertThat(result).keepsEveryTraceWith(StatusCode.ERROR);
    assertThat(kept(result, failed)).isTrue();
    assertThat(policy(result, failed)).isEqualTo("errors");
    assertThat(kept(result, ok)).isFalse();
    assertThat(kept(result, unset)).isFalse();
    assertThat(result.decisionFor(id(ok)).orElseThrow().decidingPolicy()).isEmpty();
  }

  @Test
  void latencyMeasuresTheWholeTraceInWholeMilliseconds(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    Span slow = recorded.checkout(501, StatusCode.UNSET, NONE);
    Span atThreshold = recorded.checkout(500, StatusCode.UNSET, NONE);
    Span fast = recorded.checkout(499, StatusCode.UNSET, NONE);

    SamplingResult result = gateway("      - {name: slow, type: latency, latency: {threshold_ms: 500}}\n")
        .sample(traces.snapshot());

    assertThat(kept(result, slow)).isTrue();
    assertThat(kept(result, atThreshold)).as("the Collector keeps duration >= threshold").isTrue();
    assertThat(kept(result, fast)).isFalse();
  }

  @Test
  void latencyWithAnUpperThresholdKeepsTheBandOnly(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    Span inBand = recorded.checkout(800, StatusCode.UNSET, NONE);
    Span atLower = recorded.checkout(500, StatusCode.UNSET, NONE);
    Span tooSlow = recorded.checkout(5_000, StatusCode.UNSET, NONE);

    SamplingResult result = gateway(
        "      - {name: band, type: latency, latency: {threshold_ms: 500, upper_threshold_ms: 1000}}\n")
        .sample(traces.snapshot());

    assertThat(kept(result, inBand)).isTrue();
    assertThat(kept(result, atLower)).as("the lower bound is exclusive with an upper bound").isFalse();
    // the child (4,998 ms) arrives first and is already past the band: nothing in between matches
    assertThat(kept(result, tooSlow)).isFalse();
  }

  @Test
  void stringAttributeMatchesExactValuesOrUnanchoredRegexes(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    AttributeKey<String> route = AttributeKey.stringKey("http.route");
    Span checkout = recorded.checkout(10, StatusCode.UNSET, Attributes.of(route, "/checkout"));
    Span checkoutV2 = recorded.checkout(10, StatusCode.UNSET, Attributes.of(route, "/v2/checkout/confirm"));
    Span cart = recorded.checkout(10, StatusCode.UNSET, Attributes.of(route, "/cart"));

    SamplingResult exact = gateway(
        "      - {name: checkout, type: string_attribute, string_attribute: {key: http.route, values: [/checkout]}}\n")
        .sample(traces.snapshot());
    SamplingResult regex = gateway(
        "      - name: checkout\n"
            + "        type: string_attribute\n"
            + "        string_attribute: {key: http.route, values: [checkout], enabled_regex_matching: true}\n")
        .sample(traces.snapshot());

    assertThat(kept(exact, checkout)).isTrue();
    assertThat(kept(exact, checkoutV2)).isFalse();
    assertThat(kept(exact, cart)).isFalse();
    assertThat(kept(regex, checkout)).isTrue();
    assertThat(kept(regex, checkoutV2)).as("Go's MatchString finds the regex anywhere").isTrue();
    assertThat(kept(regex, cart)).isFalse();
  }

  @Test
  void anInvertedMatchVetoesEveryOtherPolicy(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    AttributeKey<String> target = AttributeKey.stringKey("http.target");
    Span failedHealthCheck = recorded.checkout(10, StatusCode.ERROR, Attributes.of(target, "/health"));
    Span failedCheckout = recorded.checkout(10, StatusCode.ERROR, Attributes.of(target, "/checkout"));
    Span okCheckout = recorded.checkout(10, StatusCode.OK, Attributes.of(target, "/checkout"));

    SamplingResult result = gateway(
        "      - {name: errors, type: status_code, status_code: {status_codes: [ERROR]}}\n"
            + "      - name: no-health-checks\n"
            + "        type: string_attribute\n"
            + "        string_attribute: {key: http.target, values: [/health], invert_match: true}\n")
        .sample(traces.snapshot());

    assertThat(kept(result, failedHealthCheck)).as("INVERT_NOT_SAMPLED wins over SAMPLED").isFalse();
    assertThat(policy(result, failedHealthCheck)).isEqualTo("no-health-checks");
    assertThat(kept(result, failedCheckout)).isTrue();
    assertThat(policy(result, failedCheckout)).isEqualTo("errors");
    // INVERT_SAMPLED alone keeps a trace only if no policy said NOT_SAMPLED: "errors" did
    assertThat(kept(result, okCheckout)).isFalse();
  }

  @Test
  void anInvertedMatchAloneKeepsWhatItDoesNotMatch(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    AttributeKey<String> target = AttributeKey.stringKey("http.target");
    Span health = recorded.checkout(10, StatusCode.UNSET, Attributes.of(target, "/health"));
    Span checkout = recorded.checkout(10, StatusCode.UNSET, Attributes.of(target, "/checkout"));

    SamplingResult result = gateway(
        "      - name: no-health-checks\n"
            + "        type: string_attribute\n"
            + "        string_attribute: {key: http.target, values: [/health], invert_match: true}\n")
        .sample(traces.snapshot());

    assertThat(kept(result, health)).isFalse();
    assertThat(kept(result, checkout)).isTrue();
    assertThat(policy(result, checkout)).isEqualTo("no-health-checks");
  }

  @Test
  void numericAttributeReadsOnlyIntegersAsGoPdataDoes(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    Span bulkOrder = recorded.checkout(10, StatusCode.UNSET, Attributes.of(AttributeKey.longKey("cart.items"), 42L));
    Span smallOrder = recorded.checkout(10, StatusCode.UNSET, Attributes.of(AttributeKey.longKey("cart.items"), 3L));
    Span asDouble = recorded.checkout(10, StatusCode.UNSET, Attributes.of(AttributeKey.doubleKey("cart.items"), 42.0));

    SamplingResult result = gateway(
        "      - name: bulk-orders\n"
            + "        type: numeric_attribute\n"
            + "        numeric_attribute: {key: cart.items, min_value: 10, max_value: 99}\n")
        .sample(traces.snapshot());

    assertThat(kept(result, bulkOrder)).isTrue();
    assertThat(kept(result, smallOrder)).isFalse();
    assertThat(kept(result, asDouble)).as("a double reads as 0 in the Collector").isFalse();
  }

  @Test
  void numericAttributeWithOnlyAMinimumHasNoUpperBound(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    AttributeKey<Long> items = AttributeKey.longKey("cart.items");
    Span big = recorded.checkout(10, StatusCode.UNSET, Attributes.of(items, 1_000_000L));
    Span small = recorded.checkout(10, StatusCode.UNSET, Attributes.of(items, 3L));

    SamplingResult result = gateway(
        "      - {name: big-carts, type: numeric_attribute, numeric_attribute: {key: cart.items, min_value: 100}}\n")
        .sample(traces.snapshot());

    assertThat(kept(result, big)).isTrue();
    assertThat(kept(result, small)).isFalse();
  }

  @Test
  void booleanAttributeMatchesTheValueOnSpansOrResources(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    AttributeKey<Boolean> debug = AttributeKey.booleanKey("app.debug");
    Span flagged = recorded.checkout(10, StatusCode.UNSET, Attributes.of(debug, true));
    Span notFlagged = recorded.checkout(10, StatusCode.UNSET, Attributes.of(debug, false));
    Span asString = recorded.checkout(10, StatusCode.UNSET, Attributes.of(AttributeKey.stringKey("app.debug"), "true"));

    SamplingResult result = gateway(
        "      - {name: debug, type: boolean_attribute, boolean_attribute: {key: app.debug, value: true}}\n")
        .sample(traces.snapshot());

    assertThat(kept(result, flagged)).isTrue();
    assertThat(kept(result, notFlagged)).isFalse();
    assertThat(kept(result, asString)).as("the string \"true\" is not a boolean").isFalse();
  }

  @Test
  void spanCountKeepsTracesWithinTheBounds(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    Span twoSpans = recorded.checkout(10, StatusCode.UNSET, NONE);
    Span single = tracer.spanBuilder("GET /ping").startSpan();
    single.end();

    SamplingResult atLeastTwo = gateway("      - {name: fan-out, type: span_count, span_count: {min_spans: 2}}\n")
        .sample(traces.snapshot());
    SamplingResult exactlyOne = gateway(
        "      - {name: lonely, type: span_count, span_count: {min_spans: 1, max_spans: 1}}\n")
        .sample(traces.snapshot());

    assertThat(kept(atLeastTwo, twoSpans)).isTrue();
    assertThat(kept(atLeastTwo, single)).isFalse();
    assertThat(kept(exactlyOne, twoSpans)).isFalse();
    assertThat(kept(exactlyOne, single)).isTrue();
  }

  @Test
  void traceStateMatchesTheValueUnderTheKey(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    Span canary = recorded.trace("POST /checkout", 0, 10, StatusCode.UNSET, NONE,
        TraceState.builder().put("shop", "canary").build());
    Span stable = recorded.trace("POST /checkout", 0, 10, StatusCode.UNSET, NONE,
        TraceState.builder().put("shop", "stable").build());
    Span none = recorded.checkout(10, StatusCode.UNSET, NONE);

    SamplingResult result = gateway(
        "      - {name: canary, type: trace_state, trace_state: {key: shop, values: [canary]}}\n")
        .sample(traces.snapshot());

    assertThat(kept(result, canary)).isTrue();
    assertThat(kept(result, stable)).isFalse();
    assertThat(kept(result, none)).isFalse();
  }

  @Test
  void ottlConditionMatchesSpansAndSpanEvents(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    Span checkout = recorded.checkout(10, StatusCode.UNSET,
        Attributes.of(AttributeKey.stringKey("http.route"), "/checkout"));
    Span neither = recorded.checkout(10, StatusCode.UNSET, NONE);
    // an exception event recorded on a root that already ended is dropped by the SDK: use a new one
    Span recordedException = tracer.spanBuilder("POST /pay").startSpan();
    recordedException.recordException(new IllegalStateException("card declined"));
    recordedException.setStatus(StatusCode.ERROR);
    recordedException.end();

    SamplingResult result = gateway(
        "      - name: interesting\n"
            + "        type: ottl_condition\n"
            + "        ottl_condition:\n"
            + "          error_mode: ignore\n"
            + "          span: ['attributes[\"http.route\"] == \"/checkout\"']\n"
            + "          spanevent: ['name == \"exception\"']\n")
        .sample(traces.snapshot());

    assertThat(kept(result, checkout)).isTrue();
    assertThat(kept(result, recordedException)).isTrue();
    assertThat(kept(result, neither)).isFalse();
  }

  @Test
  void andNeedsEverySubPolicyAndNotInvertsOne(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    AttributeKey<String> route = AttributeKey.stringKey("http.route");
    Span slowCheckout = recorded.checkout(900, StatusCode.UNSET, Attributes.of(route, "/checkout"));
    Span fastCheckout = recorded.checkout(50, StatusCode.UNSET, Attributes.of(route, "/checkout"));
    Span slowCart = recorded.checkout(900, StatusCode.UNSET, Attributes.of(route, "/cart"));

    String checkout = "{name: checkout, type: string_attribute, string_attribute: {key: http.route, values: [/checkout]}}";
    SamplingResult and = gateway(
        "      - name: slow-checkouts\n"
            + "        type: and\n"
            + "        and:\n"
            + "          and_sub_policy:\n"
            + "            - {name: slow, type: latency, latency: {threshold_ms: 500}}\n"
            + "            - " + checkout + "\n")
        .sample(traces.snapshot());
    SamplingResult not = gateway(
        "      - name: not-checkout\n"
            + "        type: not\n"
            + "        not:\n"
            + "          not_sub_policy: " + checkout + "\n")
        .sample(traces.snapshot());

    assertThat(kept(and, slowCheckout)).isTrue();
    assertThat(kept(and, fastCheckout)).isFalse();
    assertThat(kept(and, slowCart)).isFalse();
    assertThat(kept(not, slowCart)).isTrue();
    assertThat(kept(not, slowCheckout)).isFalse();
  }

  @Test
  void aDropPolicyWinsOverEverySampledDecision(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    AttributeKey<String> target = AttributeKey.stringKey("http.target");
    Span failedProbe = recorded.checkout(10, StatusCode.ERROR, Attributes.of(target, "/ready"));
    Span failedCheckout = recorded.checkout(10, StatusCode.ERROR, Attributes.of(target, "/checkout"));

    CollectorPipeline collector = gateway(
        "      - {name: errors, type: status_code, status_code: {status_codes: [ERROR]}}\n"
            + "      - name: probes\n"
            + "        type: drop\n"
            + "        drop:\n"
            + "          drop_sub_policy:\n"
            + "            - {name: ready, type: string_attribute, string_attribute: {key: http.target, values: [/ready]}}\n");
    SamplingResult result = collector.sample(traces.snapshot());

    assertThat(collector.tailSampling().orElseThrow().policyNames()).containsExactly("probes", "errors");
    assertThat(kept(result, failedProbe)).isFalse();
    assertThat(policy(result, failedProbe)).isEqualTo("probes");
    assertThat(kept(result, failedCheckout)).isTrue();
  }

  @Test
  void theFirstPolicyToSampleIsTheOneThatDecided(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    Span slowError = recorded.checkout(900, StatusCode.ERROR, NONE);

    SamplingResult result = gateway(
        "      - {name: slow, type: latency, latency: {threshold_ms: 500}}\n"
            + "      - {name: errors, type: status_code, status_code: {status_codes: [ERROR]}}\n")
        .sample(traces.snapshot());

    assertThat(policy(result, slowError)).isEqualTo("slow");
  }

  @Test
  void sampleOnFirstMatchStopsBeforeALaterVeto(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    Span failedHealthCheck = recorded.checkout(10, StatusCode.ERROR,
        Attributes.of(AttributeKey.stringKey("http.target"), "/health"));

    String policies = "      - {name: errors, type: status_code, status_code: {status_codes: [ERROR]}}\n"
        + "      - name: no-health-checks\n"
        + "        type: string_attribute\n"
        + "        string_attribute: {key: http.target, values: [/health], invert_match: true}\n";
    SamplingResult allPolicies = gateway(policies).sample(traces.snapshot());
    SamplingResult firstMatch = gateway("    sample_on_first_match: true\n", policies).sample(traces.snapshot());

    assertThat(kept(allPolicies, failedHealthCheck)).isFalse();
    assertThat(kept(firstMatch, failedHealthCheck)).isTrue();
    assertThat(policy(firstMatch, failedHealthCheck)).isEqualTo("errors");
  }

  @Test
  void compositeSpendsEachSubPolicysBudgetPerSecond(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    // three error traces of 2 spans in the same second, then one in the next second
    Span first = recorded.trace("POST /checkout", 0, 10, StatusCode.ERROR, NONE, TraceState.getDefault());
    Span second = recorded.trace("POST /checkout", 100, 10, StatusCode.ERROR, NONE, TraceState.getDefault());
    Span third = recorded.trace("POST /checkout", 200, 10, StatusCode.ERROR, NONE, TraceState.getDefault());
    Span nextSecond = recorded.trace("POST /checkout", 1_000, 10, StatusCode.ERROR, NONE, TraceState.getDefault());
    Span healthy = recorded.trace("POST /checkout", 300, 10, StatusCode.UNSET, NONE, TraceState.getDefault());

    SamplingResult result = gateway(
        "      - name: budget\n"
            + "        type: composite\n"
            + "        composite:\n"
            + "          max_total_spans_per_second: 10\n"
            + "          policy_order: [errors, rest]\n"
            + "          composite_sub_policy:\n"
            + "            - {name: errors, type: status_code, status_code: {status_codes: [ERROR]}}\n"
            + "            - {name: rest, type: always_sample}\n"
            + "          rate_allocation:\n"
            + "            - {policy: errors, percent: 40}\n")
        .sample(traces.snapshot());

    assertThat(kept(result, first)).isTrue();
    assertThat(kept(result, second)).as("4 spans reach the 40% allocation of 10").isTrue();
    assertThat(kept(result, third)).as("6 spans would exceed it").isFalse();
    assertThat(kept(result, nextSecond)).as("a new second, a new budget").isTrue();
    assertThat(kept(result, healthy)).as("a sub-policy without rate_allocation has no budget").isFalse();
  }

  @Test
  void rateLimitingStaysStrictlyBelowTheLimit(Tracer tracer, CapturedTraces traces) {
    RecordedTraces recorded = new RecordedTraces(tracer);
    Span first = recorded.trace("GET /a", 0, 10, StatusCode.UNSET, NONE, TraceState.getDefault());
    Span second = recorded.trace("GET /b", 100, 10, StatusCode.UNSET, NONE, TraceState.getDefault());

    SamplingResult result = gateway(
        "      - {name: limited, type: rate_limiting, rate_limiting: {spans_per_second: 4}}\n")
        .sample(traces.snapshot());

    assertThat(kept(result, first)).isTrue();
    assertThat(kept(result, second)).as("2 + 2 is not below 4").isFalse();
  }
}
