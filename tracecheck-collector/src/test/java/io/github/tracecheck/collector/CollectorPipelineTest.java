package io.github.tracecheck.collector;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.junit.AllowPii;
import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.junit.TraceCheckRule;
import io.github.tracecheck.junit.GateMode;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Spans with PII, captured from the real SDK, through the Collector configuration the team deploys.
 * The gate's own PII rule is off here: these spans leak on purpose, and the test is about what
 * survives the Collector.
 */
@TraceCheck
@TraceCheckRule(name = "pii", mode = GateMode.OFF)
class CollectorPipelineTest {

  private static final Path CONFIG = Path.of("src/test/resources/otel-collector.yaml");

  private static void leakyRequest(Tracer tracer) {
    Span span = tracer.spanBuilder("GET /orders").setSpanKind(SpanKind.SERVER)
        .setAttribute("http.target", "/orders?access_token=s3cr3t-t0ken&page=2")
        .setAttribute("url.full", "https://shop.example.com/orders?access_token=s3cr3t-t0ken")
        .setAttribute("http.request.header.authorization", "Bearer s3cr3t-t0ken-long")
        .setAttribute("user.email", "jane.doe@example.com")
        .setAttribute("payment.card", "4111111111111111")
        .startSpan();
    span.end();
  }

  @Test
  void theDeployedPipelineLeavesNoPii(Tracer tracer, CapturedTraces traces) {
    leakyRequest(tracer);
    TraceForest captured = traces.snapshot();
    CollectorPipeline collector = CollectorPipeline.load(CONFIG);

    TraceForest exported = collector.apply(captured);

    assertThat(collector.processorIds()).containsExactly("transform/pii", "redaction");
    assertThat(exported).hasNoPii();
    SpanNode span = exported.traces().get(0).firstRoot();
    assertThat(span)
        .hasAttribute("http.target", "/orders?access_token=REDACTED&page=2")
        .hasAttribute("user.email", "****")
        .hasAttribute("payment.card", "****")
        .doesNotHaveAttribute("http.request.header.authorization")
        .hasRedactedAttribute("url.full");
    assertThatThrownBy(() -> assertThat(captured).hasNoPii()).hasMessageContaining("found 5 problems");
  }

  @Test
  void aPipelineThatMissesEmailsIsCaught(Tracer tracer, CapturedTraces traces) {
    leakyRequest(tracer);
    CollectorPipeline withoutEmailRule =
        CollectorPipeline.fromYaml(
            "processors:\n"
                + "  transform:\n"
                + "    trace_statements:\n"
                + "      - 'replace_pattern(span.attributes[\"http.target\"], \"access_token=[^&]+\", \"access_token=REDACTED\")'\n"
                + "      - 'replace_pattern(span.attributes[\"url.full\"], \"access_token=[^&]+\", \"access_token=REDACTED\")'\n"
                + "      - 'delete_key(span.attributes, \"http.request.header.authorization\")'\n"
                + "      - 'delete_key(span.attributes, \"payment.card\")'\n"
                + "service:\n"
                + "  pipelines:\n"
                + "    traces:\n"
                + "      processors: [transform]\n",
            null);

    assertThatThrownBy(() -> assertThat(withoutEmailRule.apply(traces.snapshot())).hasNoPii())
        .hasMessageContaining("found 1 problem")
        .hasMessageContaining("has an email address [email] in attribute \"user.email\": j***@e***.com")
        .hasMessageNotContaining("jane.doe@example.com");
  }

  @Test
  @AllowPii(detector = "email", attribute = "user.email", reason = "checked after the Collector")
  void unsupportedConfigurationIsAClearError() {
    assertThatThrownBy(() -> CollectorPipeline.fromYaml(pipeline("transform", "trace_statements: ['merge_maps(attributes, cache, \"upsert\")']"), null))
        .isInstanceOf(CollectorConfigException.class)
        .hasMessage("processor transform, trace_statements[0]: OTTL function 'merge_maps' is not supported by"
            + " tracecheck (statement: merge_maps(attributes, cache, \"upsert\"))");
    assertThatThrownBy(() -> CollectorPipeline.fromYaml(pipeline("transform", "trace_statements: ['set(cache[\"x\"], 1)']"), null))
        .hasMessage("processor transform, trace_statements[0]: cannot parse OTTL statement at column 5 (path 'cache' is not"
            + " supported; use attributes, attributes[\"key\"], name or resource.attributes): set(cache[\"x\"], 1)");
    assertThatThrownBy(() -> CollectorPipeline.fromYaml(pipeline("transform", "trace_statements: ['limit(attributes, 10, [])']"), null))
        .hasMessage("processor transform, trace_statements[0]: OTTL function 'limit' is not supported by tracecheck"
            + " (statement: limit(attributes, 10, []))");
    assertThatThrownBy(() -> CollectorPipeline.fromYaml(pipeline("attributes", "actions: []"), null))
        .hasMessage("pipeline traces: processor 'attributes' of type 'attributes' is not supported; tracecheck applies"
            + " transform and redaction, simulates tail_sampling, and passes batch and memory_limiter through");
    assertThatThrownBy(() -> CollectorPipeline.fromYaml("processors:\n  batch: {}\n  batch: {}\n", null))
        .hasMessageStartingWith("the Collector configuration is not valid YAML: ")
        .hasMessageContaining("duplicate key batch");
    assertThatThrownBy(() -> CollectorPipeline.fromYaml(pipeline("redaction", "blocked_values: ['(?<=user=)\\w+']"), null))
        .hasMessage("processor redaction, blocked_values: regular expression \"(?<=user=)\\w+\" uses '(?<=' (lookaround,"
            + " backreference, atomic group or possessive quantifier), which Go's RE2 used by the Collector does not support");
    assertThatThrownBy(() -> CollectorPipeline.fromYaml(pipeline("redaction", "summary: debug\n    redact_everything: true"), null))
        .hasMessage("processor redaction: setting 'redact_everything' is not supported");
    assertThatThrownBy(() -> CollectorPipeline.fromYaml("processors: [", null))
        .hasMessageStartingWith("the Collector configuration is not valid YAML: ");
  }

  static String pipeline(String processor, String settings) {
    return "processors:\n  " + processor + ":\n    " + settings + "\nservice:\n  pipelines:\n    traces:\n      processors: ["
        + processor + "]\n";
  }
}
