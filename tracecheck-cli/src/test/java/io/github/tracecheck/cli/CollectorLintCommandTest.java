package io.github.tracecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracecheck collector-lint}: findings and exit codes on written configuration files. */
class CollectorLintCommandTest {

  private static final String GATEWAY = "processors:\n"
      + "  memory_limiter: {check_interval: 1s, limit_mib: 4000}\n"
      + "  tail_sampling:\n"
      + "    policies: [{name: errors, type: status_code, status_code: {status_codes: [ERROR]}}]\n"
      + "service:\n"
      + "  pipelines:\n"
      + "    traces: {receivers: [otlp], processors: [%s], exporters: [otlp]}\n";

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return TraceCheckCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path write(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml);
  }

  @Test
  void aCorrectGatewayExitsZero() throws IOException {
    Path gateway = write("gateway.yaml", String.format(GATEWAY, "memory_limiter, tail_sampling"));

    assertThat(run("collector-lint", gateway.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("tracecheck: checked 1 Collector configuration\nno problems found\n");
  }

  @Test
  void aGatewayWithoutTheLimiterFirstExitsOneWithThePath() throws IOException {
    Path gateway = write("gateway.yaml", String.format(GATEWAY, "tail_sampling, memory_limiter"));

    assertThat(run("collector-lint", gateway.toString())).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("found 1 problem\n  [memory-limiter-first] " + gateway
        + ": service.pipelines.traces.processors[1]: pipeline traces has memory_limiter at position 1 instead of first");
  }

  @Test
  void theTraceSizeOptionChangesTheMemoryEstimate() throws IOException {
    Path gateway = write("gateway.yaml", String.format(GATEWAY, "memory_limiter, tail_sampling"));

    assertThat(run("collector-lint", "--trace-size", "200,4096", gateway.toString())).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("[tail-sampling-memory]");
  }

  @Test
  void badInputExitsTwo() throws IOException {
    Path broken = write("broken.yaml", "service: [");

    assertThat(run("collector-lint", broken.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("tracecheck: the Collector configuration is not valid YAML");
    assertThat(run("collector-lint")).isEqualTo(2);
    assertThat(run("collector-lint", "--trace-size", "many", broken.toString())).isEqualTo(2);
    assertThat(run("collector-lint", dir.resolve("missing.yaml").toString())).isEqualTo(2);
  }
}
