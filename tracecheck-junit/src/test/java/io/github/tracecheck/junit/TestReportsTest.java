package io.github.tracecheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Reports for CI: the files a failing test leaves, the index, and the entries JUnit is told about. */
class TestReportsTest {

  @TraceCheck
  static class OneFailsOnePasses {
    @Test
    void leaksAnEmail(Tracer tracer) {
      Span server = tracer.spanBuilder("POST /signup").setSpanKind(SpanKind.SERVER).startSpan();
      tracer.spanBuilder("INSERT users").setSpanKind(SpanKind.CLIENT)
          .setParent(io.opentelemetry.context.Context.current().with(server))
          .setAttribute("user.email", "jane.doe@example.com").startSpan().end();
      server.end();
    }

    @Test
    void clean(Tracer tracer) {
      tracer.spanBuilder("GET /health").startSpan().end();
    }
  }

  private static EngineExecutionResults run(Path dir, String mode) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(Map.of("tracecheck.report.dir", dir.toString(), "tracecheck.report.mode", mode))
        .selectors(selectClass(OneFailsOnePasses.class))
        .execute();
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }

  @Test
  void aFailedTestLeavesTheThreeArtifactsAndTheIndexListsIt(@TempDir Path dir) throws Exception {
    EngineExecutionResults results = run(dir, "failed");
    results.testEvents().assertStatistics(s -> s.failed(1).succeeded(1));

    List<Path> files = files(dir);
    // besides the test's three files, the run's files and (under .parts) each JVM's part of them
    assertThat(files).filteredOn(p -> !p.startsWith(".parts")).hasSize(6)
        .contains(Path.of("index.html"), Path.of("findings.json"), Path.of("findings.sarif"));
    Path testDir = dir.resolve(files.stream().filter(p -> p.endsWith("trace.html")).findFirst().orElseThrow()).getParent();
    assertThat(testDir.getParent().getFileName().toString()).isEqualTo("io.github.tracecheck.junit.TestReportsTest_OneFailsOnePasses");
    assertThat(testDir.getFileName().toString()).startsWith("leaksAnEmail-");

    String otlp = Files.readString(testDir.resolve("spans.otlp.json"), StandardCharsets.UTF_8);
    String html = Files.readString(testDir.resolve("trace.html"), StandardCharsets.UTF_8);
    String mermaid = Files.readString(testDir.resolve("hops.mmd"), StandardCharsets.UTF_8);
    String index = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
    for (String report : List.of(otlp, html, mermaid, index)) {
      assertThat(report).doesNotContain("jane.doe@example.com");
    }
    assertThat(otlp).startsWith("{\"resourceSpans\":[").contains("\"stringValue\":\"j***@e***.com\"");
    assertThat(html).contains("\"rule\":\"pii\",\"message\":\"span \\\"INSERT users\\\" (OneFailsOnePasses) has an email address")
        .contains("<script id=\"data\" type=\"application/json\">").doesNotContain("http://").doesNotContain("https://");
    assertThat(mermaid).startsWith("sequenceDiagram\n    participant OneFailsOnePasses as OneFailsOnePasses\n");
    assertThat(index).contains("OneFailsOnePasses &gt; leaksAnEmail(Tracer)</td><td>failed</td><td>1</td>");

    List<String> entries = results.testEvents().reportingEntryPublished().stream()
        .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("tracecheck.report"))
        .filter(v -> v != null).toList();
    assertThat(entries).containsExactly(testDir.resolve("trace.html").toAbsolutePath().toString());
  }

  @Test
  void ideAndBuildToolsGetTheFilesAsJUnitFileEntries(@TempDir Path dir, @TempDir Path junitOutput) throws Exception {
    EngineExecutionResults results =
        withOutputDirectory(
                EngineTestKit.engine("junit-jupiter")
                    .configurationParameters(Map.of("tracecheck.report.dir", dir.toString())),
                junitOutput)
            .selectors(selectClass(OneFailsOnePasses.class))
            .execute();

    List<org.junit.platform.engine.reporting.FileEntry> files = results.testEvents().fileEntryPublished().stream()
        .map(e -> e.getRequiredPayload(org.junit.platform.engine.reporting.FileEntry.class)).toList();
    assertThat(files).extracting(f -> f.getPath().getFileName().toString())
        .containsExactlyInAnyOrder("tracecheck-trace.html", "tracecheck-spans.otlp.json", "tracecheck-hops.mmd");
    assertThat(files).allSatisfy(f -> assertThat(f.getPath()).exists());
    assertThat(files).extracting(f -> f.getMediaType().orElse(""))
        .contains("text/html; charset=UTF-8", "application/json");
  }

  @Test
  void everyTestIsReportedWhenAskedAndNoneWhenOff(@TempDir Path all, @TempDir Path off) throws Exception {
    run(all, "all");
    assertThat(files(all).stream().filter(p -> p.endsWith("trace.html"))).hasSize(2);
    run(off, "off");
    assertThat(files(off)).isEmpty();
  }

  @Test
  void badModeIsAConfigurationError(@TempDir Path dir) {
    Throwable failure = run(dir, "sometimes").testEvents().failed().list().get(0)
        .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
    assertThat(failure).hasMessage("tracecheck.report.mode: 'sometimes' is not failed, all or off");
  }
  /**
   * Gives the test kit an output directory, for file entries. JUnit 5.14 renamed the API
   * ({@code OutputDirectoryProvider} to {@code OutputDirectoryCreator}); this test runs on both.
   */
  private static EngineTestKit.Builder withOutputDirectory(EngineTestKit.Builder builder, Path root) throws Exception {
    String[][] apis = {
      {"org.junit.platform.engine.OutputDirectoryCreator", "outputDirectoryCreator"},
      {"org.junit.platform.engine.reporting.OutputDirectoryProvider", "outputDirectoryProvider"}
    };
    for (String[] api : apis) {
      Class<?> type;
      try {
        type = Class.forName(api[0]);
      } catch (ClassNotFoundException e) {
        continue;
      }
      Object directories = java.lang.reflect.Proxy.newProxyInstance(
          type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> switch (method.getName()) {
            case "getRootDirectory" -> root;
            case "createOutputDirectory" -> Files.createDirectories(root.resolve(
                Integer.toHexString(((org.junit.platform.engine.TestDescriptor) args[0]).getUniqueId().hashCode())));
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "output directories under " + root;
            default -> throw new UnsupportedOperationException(method.getName());
          });
      return (EngineTestKit.Builder) EngineTestKit.Builder.class.getMethod(api[1], type).invoke(builder, directories);
    }
    throw new IllegalStateException("this JUnit has no output directory API for the test kit");
  }
}
