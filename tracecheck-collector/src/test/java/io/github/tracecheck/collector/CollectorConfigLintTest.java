package io.github.tracecheck.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each lint check on the broken shape it must catch and the correct shapes a naive check would flag. */
class CollectorConfigLintTest {

  private static final Path AGENT = Path.of("src/test/resources/deployment/agent.yaml");
  private static final Path GATEWAY = Path.of("src/test/resources/deployment/gateway.yaml");

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The deployment with one file changed by a literal replacement (which must apply). */
  private static LintResult lintWith(Path changed, String from, String to) {
    String agent = read(AGENT);
    String gateway = read(GATEWAY);
    String edited = (changed.equals(AGENT) ? agent : gateway);
    assertThat(edited).contains(from);
    edited = edited.replace(from, to);
    Map<String, String> deployment = new LinkedHashMap<>();
    deployment.put("agent.yaml", changed.equals(AGENT) ? edited : agent);
    deployment.put("gateway.yaml", changed.equals(GATEWAY) ? edited : gateway);
    return CollectorConfigLint.defaults().checkYaml(deployment);
  }

  private static List<String> checks(LintResult result) {
    return result.findings().stream().map(ConfigFinding::check).toList();
  }

  @Test
  void theCorrectDeploymentHasNoFindings() {
    LintResult result = CollectorConfigLint.defaults().check(AGENT, GATEWAY);

    assertThat(result.findings()).isEmpty();
    assertThat(result.notChecked()).isEmpty();
    assertThat(result.render()).isEqualTo("no problems found\n");
  }

  @Test
  void tailSamplingWithoutMemoryLimiterFirst() {
    LintResult missing = lintWith(GATEWAY, "processors: [memory_limiter, transform/url-tokens, tail_sampling, batch]",
        "processors: [transform/url-tokens, tail_sampling, batch]");
    LintResult late = lintWith(GATEWAY, "processors: [memory_limiter, transform/url-tokens, tail_sampling, batch]",
        "processors: [transform/url-tokens, tail_sampling, memory_limiter, batch]");

    assertThat(missing.findings()).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo("memory-limiter-first");
      assertThat(f.file()).isEqualTo("gateway.yaml");
      assertThat(f.path()).isEqualTo("service.pipelines.traces.processors");
      assertThat(f.message()).startsWith("pipeline traces runs tail_sampling without a memory_limiter");
    });
    assertThat(late.findings()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("service.pipelines.traces.processors[2]");
      assertThat(f.message()).contains("memory_limiter at position 2 instead of first");
    });
  }

  @Test
  void aPipelineWithoutTailSamplingNeedsNoLimiterFirst() {
    LintResult result = lintWith(AGENT, "processors: [memory_limiter, batch]", "processors: [batch, memory_limiter]");

    assertThat(checks(result)).doesNotContain("memory-limiter-first");
  }

  @Test
  void aLoadbalancingExporterRoutedByServiceSplitsTraces() {
    LintResult byService = lintWith(AGENT, "routing_key: traceID", "routing_key: service");

    assertThat(byService.findings()).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo("loadbalancing-by-trace-id");
      assertThat(f.path()).isEqualTo("exporters.loadbalancing.routing_key");
      assertThat(f.message()).startsWith("the loadbalancing exporter routes by service");
    });
  }

  @Test
  void anAgentExportingStraightToTheGatewaysIsFlagged() {
    LintResult result = lintWith(AGENT, "      exporters: [loadbalancing]", "      exporters: [otlp/gateway]");

    assertThat(result.findings()).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo("loadbalancing-by-trace-id");
      assertThat(f.file()).isEqualTo("agent.yaml");
      assertThat(f.path()).isEqualTo("service.pipelines.traces.exporters");
      assertThat(f.message()).contains("without the loadbalancing exporter");
    });
  }

  @Test
  void anAgentAloneOrADefaultRoutingKeyIsFine() {
    LintResult agentAlone = CollectorConfigLint.defaults().checkYaml(
        Map.of("agent.yaml", read(AGENT).replace("exporters: [loadbalancing]", "exporters: [otlp]")));
    LintResult defaultKey = lintWith(AGENT, "    routing_key: traceID\n", "");

    assertThat(agentAlone.findings()).as("no tail-sampling tier in the deployment").isEmpty();
    assertThat(defaultKey.findings()).as("routing_key defaults to traceID").isEmpty();
  }

  @Test
  void numTracesTooLargeForTheMemoryLimit() {
    LintResult result = lintWith(GATEWAY, "num_traces: 50000", "num_traces: 500000");

    assertThat(result.findings()).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo("tail-sampling-memory");
      assertThat(f.path()).isEqualTo("processors.tail_sampling.num_traces");
      assertThat(f.message()).startsWith("num_traces 500,000 can hold about 19,531 MiB (20 spans per trace × 2,048"
          + " bytes per span, assumed), over the soft limit of memory_limiter (3,200 MiB");
    });
    assertThat(CollectorConfigLint.defaults().withTraceSize(2, 512)
        .checkYaml(Map.of("gateway.yaml", read(GATEWAY).replace("num_traces: 50000", "num_traces: 500000")))
        .findings()).as("small traces fit").isEmpty();
  }

  @Test
  void decisionWaitLongerThanNumTracesHolds() {
    LintResult result = lintWith(GATEWAY, "decision_wait: 10s", "decision_wait: 2m");

    assertThat(result.findings()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("processors.tail_sampling.decision_wait");
      assertThat(f.message()).isEqualTo("decision_wait 120.0s × expected_new_traces_per_sec 1,000 = 120,000 traces"
          + " waiting for a decision, more than num_traces 50,000: the oldest are evicted before their decision"
          + " (and dropped)");
    });
  }

  @Test
  void aLimitGivenAsAPercentageIsNotJudged() {
    LintResult result = lintWith(GATEWAY, "limit_mib: 4000\n    spike_limit_mib: 800",
        "limit_percentage: 80\n    spike_limit_percentage: 20\n");

    assertThat(checks(result)).doesNotContain("tail-sampling-memory");
  }

  @Test
  void otlpJsonOverHttpIsFlaggedButProtobufAndFilesAreNot() {
    LintResult json = lintWith(GATEWAY, "encoding: proto", "encoding: json");
    LintResult defaulted = lintWith(GATEWAY, "    encoding: proto\n", "");
    LintResult file = lintWith(GATEWAY, "exporters: [otlphttp]", "exporters: [file]");

    assertThat(json.findings()).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo("otlp-json-over-http");
      assertThat(f.path()).isEqualTo("exporters.otlphttp.encoding");
    });
    assertThat(defaulted.findings()).isEmpty();
    assertThat(file.findings()).isEmpty();
  }

  @Test
  void redactionThatMissesQueryTokensIsCaughtWithThePiiDetectors() {
    LintResult onlyUrlFull = lintWith(GATEWAY,
        "          - replace_pattern(attributes[\"url.query\"], \"=[^&]+\", \"=REDACTED\")\n"
            + "          - replace_pattern(attributes[\"http.target\"], \"=[^&]+\", \"=REDACTED\")\n", "");
    LintResult tokenNamesOnly = lintWith(GATEWAY, "replace_pattern(attributes[\"http.target\"], \"=[^&]+\", \"=REDACTED\")",
        "replace_pattern(attributes[\"http.target\"], \"token=[^&]+\", \"token=REDACTED\")");

    assertThat(onlyUrlFull.findings()).extracting(ConfigFinding::check, ConfigFinding::path)
        .containsOnly(org.assertj.core.groups.Tuple.tuple("url-tokens-survive", "service.pipelines.traces.processors"));
    assertThat(onlyUrlFull.findings()).extracting(ConfigFinding::message).satisfiesExactly(
        m -> assertThat(m).startsWith("a credential in url.query survives pipeline traces (jwt, url-credentials)"),
        m -> assertThat(m).startsWith("a credential in http.target survives pipeline traces (email, url-credentials)")
            .doesNotContain("jane.doe@example.com").doesNotContain("sk_live_4eC39HqLyjWDarjtT1zdp7dc"));
    // "token=" misses api_key= and the email: a rule written for one parameter name
    assertThat(tokenNamesOnly.findings()).singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("a credential in http.target survives pipeline traces"));
  }

  @Test
  void aPipelineTracecheckCannotApplyIsNotCheckedRatherThanFlagged() {
    LintResult result = lintWith(GATEWAY, "processors: [memory_limiter, transform/url-tokens, tail_sampling, batch]",
        "processors: [memory_limiter, attributes, transform/url-tokens, tail_sampling, batch]");

    assertThat(checks(result)).doesNotContain("url-tokens-survive");
    assertThat(result.notChecked()).singleElement().asString()
        .contains("pipeline traces for url-tokens-survive")
        .contains("processor 'attributes'");
  }

  @Test
  void invalidYamlIsAnErrorNotAFinding() {
    assertThatThrownBy(() -> CollectorConfigLint.defaults().checkYaml(Map.of("broken.yaml", "service: [")))
        .isInstanceOf(CollectorConfigException.class)
        .hasMessageStartingWith("the Collector configuration is not valid YAML");
  }
}
