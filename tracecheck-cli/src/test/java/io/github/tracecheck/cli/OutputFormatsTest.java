package io.github.tracecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tracecheck.rules.Rules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** --format json and --format sarif: what scripts and code scanning read, valid and masked. */
class OutputFormatsTest {

  private static final String BROKEN = Path.of("src/test/resources", "broken.jsonl").toString();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(InputStream in, String... args) {
    return TraceCheckCli.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonListsEachFindingWithItsSpanAndTheSummary() throws Exception {
    assertThat(run(InputStream.nullInputStream(), "--format", "json", BROKEN)).isEqualTo(1);

    JsonNode document = JSON.readTree(out());
    assertThat(document.get("tool").asText()).isEqualTo("tracecheck");
    JsonNode findings = document.get("findings");
    assertThat(findings).hasSize(2);
    assertThat(findings.get(0).get("rule").asText()).isEqualTo("orphaned-root");
    assertThat(findings.get(0).get("level").asText()).isEqualTo("error");
    assertThat(findings.get(0).get("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(findings.get(0).get("span").asText()).isEqualTo("orders process");
    assertThat(findings.get(0).get("service").asText()).isEqualTo("order-worker");
    assertThat(findings.get(1).get("message").asText()).startsWith("span \"orders process\" (order-worker) recorded exception");
    assertThat(findings.get(1).get("likelyCause").asText()).startsWith("recordException() adds an event");
    JsonNode summary = document.get("summary");
    assertThat(summary.get("spans").asLong()).isEqualTo(3);
    assertThat(summary.get("traces").asLong()).isEqualTo(2);
    assertThat(summary.get("findings").asLong()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aCleanRunInJsonHasNoFindingsAndExitsZero() throws Exception {
    assertThat(run(InputStream.nullInputStream(), "--format", "json", "src/test/resources/clean.json")).isEqualTo(0);
    assertThat(JSON.readTree(out()).get("findings")).isEmpty();
  }

  @Test
  void sarifIsValidSarif210WithRuleMetadataFromTheRegistryAndLogicalLocations() throws Exception {
    assertThat(run(InputStream.nullInputStream(), "--format", "sarif", BROKEN)).isEqualTo(1);

    assertThat(SarifSchema.errors(out())).isEmpty();
    JsonNode run = JSON.readTree(out()).get("runs").get(0);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    assertThat(rules).hasSize(Rules.builtIn().size());
    assertThat(rules.get(0).get("id").asText()).isEqualTo("orphaned-root");
    assertThat(rules.get(0).get("shortDescription").get("text").asText())
        .isEqualTo(Rules.builtIn().get(0).info().summary());
    JsonNode result = run.get("results").get(0);
    assertThat(result.get("ruleId").asText()).isEqualTo("orphaned-root");
    assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText()).isEqualTo("orphaned-root");
    assertThat(result.get("level").asText()).isEqualTo("error");
    JsonNode location = result.get("locations").get(0);
    // no start site in the file: located at the trace file, as code scanning needs a location
    assertThat(location.get("physicalLocation").get("artifactLocation").get("uri").asText())
        .endsWith("tracecheck-cli/src/test/resources/broken.jsonl");
    assertThat(location.get("logicalLocations").get(0).get("fullyQualifiedName").asText())
        .isEqualTo("trace/4bf92f3577b34da6a3ce929d0e0e4736/span/" + result.get("properties").get("spanId").asText());
    assertThat(location.get("logicalLocations").get(1).get("kind").asText()).isEqualTo("trace");
    assertThat(result.get("partialFingerprints").get("tracecheck/v1").asText()).hasSize(32);
  }

  @Test
  void sarifNamesTheStartSiteFromCodeAttributesAndMasksPersonalData() throws Exception {
    String span = "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"shop\"}}]},"
        + "\"scopeSpans\":[{\"spans\":[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"spanId\":\"00f067aa0ba902b7\","
        + "\"name\":\"GET /users\",\"kind\":2,\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\",\"attributes\":["
        + "{\"key\":\"enduser.email\",\"value\":{\"stringValue\":\"jane.doe@example.com\"}},"
        + "{\"key\":\"code.filepath\",\"value\":{\"stringValue\":\"shop/Users.java\"}},"
        + "{\"key\":\"code.lineno\",\"value\":{\"intValue\":\"42\"}}]}]}]}]}";

    assertThat(run(new ByteArrayInputStream(span.getBytes(StandardCharsets.UTF_8)), "--format", "sarif", "-")).isEqualTo(1);

    assertThat(SarifSchema.errors(out())).isEmpty();
    assertThat(out()).doesNotContain("jane.doe@example.com").doesNotContain("jane.doe");
    JsonNode result = JSON.readTree(out()).get("runs").get(0).get("results").get(0);
    assertThat(result.get("ruleId").asText()).isEqualTo("pii");
    JsonNode physical = result.get("locations").get(0).get("physicalLocation");
    assertThat(physical.get("artifactLocation").get("uri").asText()).isEqualTo("shop/Users.java");
    assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(42);
  }

  @Test
  void theSchemaCheckRefusesWhatIsNotSarif210() {
    assertThat(SarifSchema.errors("{\"version\":\"2.0.0\",\"runs\":[]}")).isNotEmpty();
    assertThat(SarifSchema.errors("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[{\"message\":{}}]}]}")).isNotEmpty();
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    assertThat(run(InputStream.nullInputStream(), "--format", "xml", BROKEN)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("tracecheck: --format xml: not text, json or sarif\n");
  }
}
