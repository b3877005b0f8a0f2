package io.github.tracecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TraceCheckCliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return runReading(InputStream.nullInputStream(), args);
  }

  private int runReading(InputStream in, String... args) {
    return TraceCheckCli.run(
        args,
        in,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String file(String name) {
    return Path.of("src/test/resources", name).toString();
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void cleanFileExitsZero() {
    assertThat(run(file("clean.json"))).isEqualTo(0);
    assertThat(out()).isEqualTo("tracecheck: read 3 spans in 1 trace from 1 file: no findings\n");
  }

  @Test
  void findingsAreDrawnAndExitOne() {
    assertThat(run(file("broken.jsonl"))).isEqualTo(1);
    assertThat(out())
        .isEqualTo(
            "1. [orphaned-root] consumer span \"orders process\" (order-worker) started a new trace, but"
                + " producer span \"orders publish\" (api-gateway) sent to Kafka topic \"orders\" in trace"
                + " 0af7651916cd43dd8448eb211c80319c: the hop \"orders publish\" (api-gateway) -> \"orders process\""
                + " (order-worker) is broken\n"
                + "  likely cause: the consumer did not extract the context from the Kafka record headers (traceparent), or"
                + " the producer did not inject it; a consumer may also link to the producer's context\n"
                + "  trace 4bf92f3577b34da6a3ce929d0e0e4736 (1 span)\n"
                + "  >> orders process [CONSUMER] order-worker {messaging.system=kafka,"
                + " messaging.destination.name=orders} 10.0 ms\n"
                + "  trace 0af7651916cd43dd8448eb211c80319c (2 spans)\n"
                + "     POST /checkout [SERVER] api-gateway {http.request.method=POST, http.route=/checkout,"
                + " http.response.status_code=202} 40.0 ms\n"
                + "  >> `-- orders publish [PRODUCER] api-gateway {messaging.system=kafka,"
                + " messaging.destination.name=orders} 2.0 ms\n"
                + "\n"
                + "2. [missing-error-status] span \"orders process\" (order-worker) recorded exception"
                + " java.sql.SQLException: \"deadlock\", but its status is UNSET\n"
                + "  likely cause: recordException() adds an event but does not set the status: also call"
                + " span.setStatus(StatusCode.ERROR)\n"
                + "  trace 4bf92f3577b34da6a3ce929d0e0e4736 (1 span)\n"
                + "  >> orders process [CONSUMER] order-worker {messaging.system=kafka,"
                + " messaging.destination.name=orders} 10.0 ms\n"
                + "\n"
                + "tracecheck: read 3 spans in 2 traces from 1 file: found 2 problems\n");
  }

  @Test
  void filesAreCheckedTogether() {
    // The consumer of clean.json continues the producer's trace; with broken.jsonl's orphan beside it.
    assertThat(run(file("clean.json"), file("broken.jsonl"))).isEqualTo(1);
    assertThat(out()).endsWith("tracecheck: read 6 spans in 2 traces from 2 files: found 2 problems\n")
        .contains("malformed: DUPLICATE_SPAN_ID");
  }

  @Test
  void invalidJsonIsBadInputWithThePosition() {
    assertThat(run(file("bad-syntax.json"))).isEqualTo(2);
    assertThat(err())
        .isEqualTo("tracecheck: " + file("bad-syntax.json")
            + ": not valid JSON at line 2, column 36: Unexpected close marker '}': expected ']'\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void invalidIdIsBadInputWithTheField() {
    assertThat(run(file("bad-id.json"))).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "tracecheck: " + file("bad-id.json") + " at line 1, column 684: resourceSpans[0].scopeSpans[0].spans[1].spanId"
                + " 'xyz' is not 16 hex digits (not all zero)\n");
  }

  @Test
  void otherDocumentsAreBadInput() {
    assertThat(run(file("not-traces.json"))).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "tracecheck: " + file("not-traces.json") + " at line 1, column 1: has no \"resourceSpans\" array: not"
                + " an OTLP JSON trace document\n");
  }

  @Test
  void missingFileAndUsageErrors() {
    assertThat(run(file("nope.json"))).isEqualTo(2);
    assertThat(err()).startsWith("tracecheck: " + file("nope.json") + ": cannot read the file: ");
    assertThat(run()).isEqualTo(2);
    assertThat(run("--strict", file("clean.json"))).isEqualTo(2);
    assertThat(err()).contains("tracecheck: unknown option --strict\nusage: tracecheck [");
  }

  @Test
  void theHelpListsEveryRuleWithTheSummaryFromItsMetadata() {
    assertThat(run("--help")).isEqualTo(0);
    for (io.github.tracecheck.rules.Rule rule : io.github.tracecheck.rules.Rules.builtIn()) {
      assertThat(out()).containsPattern("\\n  " + rule.name() + " +" + java.util.regex.Pattern.quote(rule.info().summary()));
    }
    assertThat(out()).contains("  orphaned-root         a root span that should have continued a trace: a hop lost the context");
  }

  @Test
  void aConsumerLinkedToItsProducerIsConnectedUnlessNoLinksIsGiven() {
    assertThat(run(file("linked-consumer.json"))).isEqualTo(0);
    assertThat(run("--no-links", file("linked-consumer.json"))).isEqualTo(1);
    assertThat(out()).contains("[orphaned-root] consumer span \"orders process\" (order-worker) started a new trace");
  }

  @Test
  void aDashReadsStandardInputWithTheFiles() throws Exception {
    InputStream in = new ByteArrayInputStream(Files.readAllBytes(Path.of(file("clean.json"))));

    assertThat(runReading(in, "-", file("broken.jsonl"))).isEqualTo(1);
    assertThat(out()).contains("tracecheck: read 6 spans in 2 traces from 2 files: ");
    assertThat(runReading(new ByteArrayInputStream("{\"resourceSpans\": [".getBytes(StandardCharsets.UTF_8)), "-"))
        .isEqualTo(2);
    assertThat(err()).startsWith("tracecheck: standard input: not valid JSON at line 1, column 20: Unexpected end-of-input");
  }
}
