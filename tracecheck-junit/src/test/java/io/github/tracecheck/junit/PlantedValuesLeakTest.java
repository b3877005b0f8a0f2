package io.github.tracecheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Everything a failing test writes - its failure message, what it prints, the report entries JUnit
 * is told about, and every report file (tree, findings, HTML, OTLP JSON, index) - is searched for
 * raw values planted in span names, attribute keys and values, resource attributes, event
 * attributes and status descriptions: none may appear.
 */
class PlantedValuesLeakTest {

  static final List<String> PLANTED = List.of(
      "jane.doe@example.com",
      "4111111111111111",
      "4111 1111 1111 1111",
      "07700 900123",
      "+44 7700 900123",
      "AKIAIOSFODNN7EXAMPLE",
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
      "DE89370400440532013000");

  @TraceCheck(resourceAttributes = "owner=jane.doe@example.com")
  static class LeaksEverywhere {
    @Test
    void checkout(Tracer tracer) throws Exception {
      ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker-1"));
      Span server = tracer.spanBuilder("POST /pay 4111 1111 1111 1111").setSpanKind(SpanKind.SERVER).startSpan();
      try (Scope ignored = server.makeCurrent()) {
        Span charge = tracer.spanBuilder("charge jane.doe@example.com")
            .setAttribute("payment.card.4111111111111111.status", "declined")
            .setAttribute("customer.phone", "07700 900123")
            .setAttribute(AttributeKey.stringKey("jane.doe@example.com"), "key is an email")
            .setAttribute("aws.key", "AKIAIOSFODNN7EXAMPLE")
            .setAttribute("http.request.header.authorization",
                "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U")
            .startSpan();
        charge.addEvent("refund", Attributes.of(AttributeKey.stringKey("iban"), "DE89370400440532013000",
            AttributeKey.stringKey("+44 7700 900123"), "phone as a key"));
        charge.recordException(new IllegalStateException("no account for 07700 900123"));
        charge.setStatus(StatusCode.ERROR, "card 4111111111111111 declined for jane.doe@example.com");
        charge.end();
        // and an orphan, so that the gate draws trees of both traces
        pool.submit(() -> tracer.spanBuilder("notify jane.doe@example.com").startSpan().end()).get();
      } finally {
        server.end();
        pool.shutdown();
      }
    }
  }

  @Test
  void noPlantedValueReachesTheConsoleTheReportEntriesOrAnyReportFile(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    EngineExecutionResults results;
    try (PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      System.setErr(capture);
      results = EngineTestKit.engine("junit-jupiter")
          .configurationParameters(Map.of("tracecheck.report.dir", dir.toString(), "tracecheck.report.mode", "all"))
          .selectors(selectClass(LeaksEverywhere.class))
          .execute();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    results.testEvents().assertStatistics(s -> s.failed(1));
    writeXmlReports(dir.resolve("junit-xml"), dir.resolve("second-run"));

    List<String> written = new ArrayList<>();
    written.add("console: " + console.toString(StandardCharsets.UTF_8));
    results.testEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .forEach(t -> written.add("failure: " + t));
    results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().toString())
        .forEach(entry -> written.add("report entry: " + entry));
    List<Path> files;
    try (Stream<Path> paths = Files.walk(dir)) {
      files = paths.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      written.add(dir.relativize(file) + ": " + Files.readString(file, StandardCharsets.UTF_8));
    }

    List<String> leaks = new ArrayList<>();
    for (String text : written) {
      for (String planted : PLANTED) {
        // JSON writers may escape '+' or spaces; look for the value's digits and letters too
        if (text.contains(planted) || text.contains(planted.replace(" ", "\\u0020"))) {
          leaks.add(planted + " in " + text.substring(0, Math.min(60, text.length())).replace('\n', ' '));
        }
      }
    }
    System.out.printf("Planted-value grep: %d places written by a failing test (%d report files, XML test"
        + " reports included; console, failure, report entries) searched for %d planted values: %d found%n",
        written.size(), files.size(), PLANTED.size(), leaks.size());
    assertThat(files).as("report files written").hasSizeGreaterThanOrEqualTo(4);
    assertThat(String.join("\n", written)).as("the reports draw the charge span").contains("charge j***@e***.com");
    assertThat(written).as("the XML test report, with the gate's failure in it")
        .anyMatch(text -> text.startsWith("junit-xml") && text.contains("charge j***@e***.com"));
    assertThat(leaks).isEmpty();
  }

  /**
   * Runs the failing class again through the launcher with JUnit's legacy XML report, the format
   * surefire writes (test names, failure messages and stack traces, captured output, report entries).
   */
  private static void writeXmlReports(Path xmlDir, Path reportDir) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(LeaksEverywhere.class))
        .configurationParameter("tracecheck.report.dir", reportDir.toString())
        .configurationParameter("junit.platform.output.capture.stdout", "true")
        .configurationParameter("junit.platform.output.capture.stderr", "true")
        .build();
    LauncherFactory.create().execute(request, new LegacyXmlReportGeneratingListener(xmlDir, new PrintWriter(Writer.nullWriter())));
  }
}
