package io.github.tracecheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The run's findings.json, findings.sarif and index.html: valid, and merged over several JVMs. */
class RunFilesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TraceCheck
  static class TwoProblems {
    @Test
    void exceptionWithoutErrorStatus(Tracer tracer) {
      Span span = tracer.spanBuilder("charge card").startSpan();
      span.recordException(new IllegalStateException("declined"));
      span.end();
    }

    @Test
    void sqlLiteralAsAWarning(Tracer tracer) {
      tracer.spanBuilder("SELECT users").setAttribute("db.system", "h2")
          .setAttribute("db.query.text", "SELECT * FROM users WHERE name = 'jane'").startSpan().end();
    }
  }

  @TraceCheck
  static class OneProblem {
    @Test
    void anotherException(Tracer tracer) {
      Span span = tracer.spanBuilder("ship order").startSpan();
      span.recordException(new IllegalStateException("no stock"));
      span.end();
    }
  }

  @Test
  void aFailingRunWritesFindingsJsonAndSarifThatValidatesAgainstTheSarif210Schema(@TempDir Path dir) throws Exception {
    EngineTestKit.engine("junit-jupiter")
        .configurationParameters(Map.of("tracecheck.report.dir", dir.toString(),
            "tracecheck.gate.warn", "sql-literal"))
        .selectors(selectClass(TwoProblems.class))
        .execute()
        .testEvents().assertStatistics(s -> s.failed(1).succeeded(1));

    JsonNode findings = JSON.readTree(dir.resolve("findings.json").toFile()).get("findings");
    assertThat(findings).extracting(f -> f.get("rule").asText() + " " + f.get("level").asText())
        .containsExactlyInAnyOrder("missing-error-status error", "sql-literal warning");
    assertThat(findings).allSatisfy(f -> assertThat(f.get("test").asText()).startsWith("TwoProblems > "));

    String sarif = Files.readString(dir.resolve("findings.sarif"));
    assertThat(schemaErrors(sarif)).isEmpty();
    assertThat(sarif).doesNotContain("'jane'");
    JsonNode results = JSON.readTree(sarif).get("runs").get(0).get("results");
    assertThat(results).hasSize(2);
    // no stack captured: located at the test class, as the repository has it
    assertThat(results.get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
        .isEqualTo("tracecheck-junit/src/test/java/io/github/tracecheck/junit/RunFilesTest.java");
  }

  @Test
  void twoJvmsOfOneRunMergeTheirFilesAndPartsOfAnEarlierRunAreDropped(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve(".parts"));
    Files.writeString(dir.resolve(".parts/run-1-1.9-9.findings.json"),
        "{\"tool\":\"tracecheck\",\"findings\":[{\"rule\":\"pii\",\"level\":\"error\",\"message\":\"old run\"}]}");

    Process first = fork(dir, TwoProblems.class);
    Process second = fork(dir, OneProblem.class);
    for (Process process : List.of(first, second)) {
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the forked JVM finished").isTrue();
      assertThat(process.exitValue()).as("exit code of %s", process.info().commandLine().orElse("the fork")).isZero();
    }

    JsonNode findings = JSON.readTree(dir.resolve("findings.json").toFile()).get("findings");
    List<String> tests = new ArrayList<>();
    findings.forEach(f -> tests.add(f.get("test").asText()));
    assertThat(tests).containsExactlyInAnyOrder(
        "TwoProblems > exceptionWithoutErrorStatus(Tracer)", "TwoProblems > sqlLiteralAsAWarning(Tracer)",
        "OneProblem > anotherException(Tracer)");
    assertThat(schemaErrors(Files.readString(dir.resolve("findings.sarif")))).isEmpty();
    assertThat(JSON.readTree(dir.resolve("findings.sarif").toFile()).get("runs").get(0).get("results")).hasSize(3);
    assertThat(Files.readString(dir.resolve("index.html")))
        .contains("TwoProblems &gt; exceptionWithoutErrorStatus(Tracer)")
        .contains("OneProblem &gt; anotherException(Tracer)");
  }

  /**
   * Another JVM started, as surefire starts each fork, through a shell of its own ({@code sh -c}):
   * the forks of one build share the build's JVM, not their parent process.
   */
  private static Process fork(Path dir, Class<?> testClass) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    String command = String.join(" ", quoted(java), "-cp", quoted(System.getProperty("java.class.path")),
        quoted(Fork.class.getName()), quoted(dir.toString()), quoted(testClass.getName()));
    // "; exit" keeps the shell from replacing itself with java, as a shell may for a single command
    return new ProcessBuilder("/bin/sh", "-c", command + "; exit $?")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(dir.resolve(testClass.getSimpleName() + ".err").toFile())
        .start();
  }

  private static String quoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /** Runs one test class through the JUnit Platform, writing reports to the given directory. */
  public static final class Fork {
    public static void main(String[] args) throws Exception {
      Launcher launcher = LauncherFactory.create();
      launcher.execute(LauncherDiscoveryRequestBuilder.request()
          .selectors(selectClass(Class.forName(args[1])))
          .configurationParameter("tracecheck.report.dir", args[0])
          .configurationParameter("tracecheck.report.mode", "all")
          .configurationParameter("tracecheck.gate.warn", "sql-literal")
          .build());
    }
  }

  private static List<String> schemaErrors(String sarif) throws Exception {
    try (InputStream schema = Files.newInputStream(Path.of("../tracecheck-core/src/test/resources/sarif/sarif-schema-2.1.0.json"))) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema)
          .validate(sarif, InputFormat.JSON).stream().map(Error::toString).toList();
    }
  }
}
