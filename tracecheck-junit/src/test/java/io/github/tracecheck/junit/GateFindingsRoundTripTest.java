package io.github.tracecheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.otlp.OtlpJsonReader;
import io.github.tracecheck.render.FindingsReport;
import io.github.tracecheck.render.TraceTreeRenderer;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.Rules;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * What the gate reported in a test - each finding and the trees drawn with it - is reported again
 * when the test's written {@code spans.otlp.json} is checked as the command line checks it: the file
 * keeps the trees, the remote parents and the threads the rules read. Not in a file, by nature: spans that never ended and scopes left open
 * (only the capture sees them), and PII (the file is masked, so it does not leak what it found).
 */
class GateFindingsRoundTripTest {

  private static final Set<String> ONLY_THE_CAPTURE_SEES = Set.of("span-never-ended", "leaked-scope", "pii");
  private static final Pattern FINDING = Pattern.compile("(?m)^\\d+\\. (\\[[^\\]]+\\] .*)$");

  @TraceCheck
  static class EveryRuleAFileCanShow {

    @Test
    void consumerThatDoesNotExtract(Tracer tracer) {
      Span server = tracer.spanBuilder("POST /orders").setSpanKind(SpanKind.SERVER).startSpan();
      try (Scope ignored = server.makeCurrent()) {
        tracer.spanBuilder("orders publish").setSpanKind(SpanKind.PRODUCER)
            .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", "orders")
            .startSpan().end();
      } finally {
        server.end();
      }
      tracer.spanBuilder("orders process").setSpanKind(SpanKind.CONSUMER).setNoParent()
          .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", "orders")
          .startSpan().end();
    }

    @Test
    void exceptionWithoutErrorStatusAndSqlLiterals(Tracer tracer) {
      Span query = tracer.spanBuilder("SELECT orders").setSpanKind(SpanKind.CLIENT)
          .setAttribute("db.system", "h2").setAttribute("db.query.text", "SELECT * FROM orders WHERE id = 42")
          .startSpan();
      query.recordException(new IllegalStateException("deadlock"));
      query.end();
    }

    @Test
    void partnerRequestContinuedFromItsTraceparent(Tracer tracer) {
      SpanContext partner = SpanContext.createFromRemoteParent(
          "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
      tracer.spanBuilder("POST /callback").setSpanKind(SpanKind.SERVER)
          .setParent(Context.root().with(Span.wrap(partner))).startSpan().end();
    }
  }

  @Test
  void everyFindingTheGateReportedIsFoundAgainInTheWrittenFile(@TempDir Path dir) throws Exception {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .configurationParameters(Map.of("tracecheck.report.dir", dir.toString(), "tracecheck.report.mode", "all"))
        // the pool hop lost on a worker thread: GateTest's own fixture
        .selectors(selectClass(EveryRuleAFileCanShow.class), selectClass(GateTest.TaskWithoutContext.class))
        .execute();
    results.testEvents().assertStatistics(s -> s.failed(3).succeeded(1));

    List<String> rulesSeen = new ArrayList<>();
    for (Event failed : results.testEvents().failed().list()) {
      String test = failed.getTestDescriptor().getLegacyReportingName().replaceAll("\\(.*", "");
      String gateMessage = failed.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage();
      List<String> reported = findings(gateMessage);
      assertThat(reported).as(test).isNotEmpty();

      TraceForest loaded = TraceForest.of(OtlpJsonReader.read(spansFile(dir, test)));
      // Read back, thread names come from the thread.name attribute, and an orphan finding says so.
      List<String> again = Rules.check(loaded).stream()
          .map(f -> withoutThreadSource(f.summary().lines().findFirst().orElseThrow())).toList();

      assertThat(again).as("findings of %s read back from its file", test).containsAll(reported);
      // each finding found again is drawn from the file as the gate drew it: message, cause and trees
      TraceTreeRenderer renderer = TraceTreeRenderer.create();
      for (Finding finding : Rules.check(loaded)) {
        if (reported.contains(withoutThreadSource(finding.summary().lines().findFirst().orElseThrow()))) {
          assertThat(gateMessage).as("the finding and its trees drawn from the file of %s", test)
              .contains(withoutThreadSource(FindingsReport.render(finding, loaded, renderer)));
        }
      }
      reported.forEach(line -> rulesSeen.add(line.substring(1, line.indexOf(']'))));
    }
    assertThat(rulesSeen).contains("orphaned-root", "missing-error-status", "sql-literal");

    TraceForest partner = TraceForest.of(OtlpJsonReader.read(spansFile(dir, "partnerRequestContinuedFromItsTraceparent")));
    assertThat(partner.spans().get(0).hasRemoteParent()).isTrue();
    assertThat(Rules.check(partner)).extracting(Finding::rule).isEmpty();
  }

  /** The first line of each finding the gate listed, but those of rules only the capture can check. */
  private static List<String> findings(String gateMessage) {
    List<String> lines = new ArrayList<>();
    Matcher matcher = FINDING.matcher(gateMessage);
    while (matcher.find()) {
      String line = matcher.group(1);
      if (!ONLY_THE_CAPTURE_SEES.contains(line.substring(1, line.indexOf(']')))) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static Path spansFile(Path dir, String test) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().equals("spans.otlp.json"))
          .filter(p -> p.getParent().getFileName().toString().startsWith(test + "-"))
          .findFirst().orElseThrow(() -> new AssertionError("no spans.otlp.json written for " + test + " under " + dir));
    }
  }

  private static String withoutThreadSource(String text) {
    return text.replace(" (threads from the thread.name attribute)", "");
  }
}
