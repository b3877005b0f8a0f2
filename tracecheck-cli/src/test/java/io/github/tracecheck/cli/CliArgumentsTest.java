package io.github.tracecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The settings of the stream and the output, and the usage errors that name the argument. */
class CliArgumentsTest {

  @Test
  void windowsMaxSpansAndFormatAreRead() throws Exception {
    CliArguments arguments =
        CliArguments.parse(new String[] {"--window", "500ms", "--max-spans", "1_000", "--format", "SARIF", "a.json", "-"});

    assertThat(arguments.window().windowNanos()).isEqualTo(Duration.ofMillis(500).toNanos());
    assertThat(arguments.window().maxSpansHeld()).isEqualTo(1000);
    assertThat(arguments.format()).isEqualTo(OutputFormat.SARIF);
    assertThat(arguments.inputs()).containsExactly("a.json", "-");
    assertThat(CliArguments.duration("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(CliArguments.duration("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(CliArguments.duration("0s")).isZero();
  }

  @Test
  void theDefaultsAreTheCollectorsDecisionWait() throws Exception {
    CliArguments arguments = CliArguments.parse(new String[] {"a.json"});
    assertThat(arguments.window().windowNanos()).isEqualTo(Duration.ofSeconds(30).toNanos());
    assertThat(arguments.format()).isEqualTo(OutputFormat.TEXT);
  }

  @Test
  void wrongValuesAreUsageErrorsNamingTheArgument() {
    assertThatThrownBy(() -> CliArguments.parse(new String[] {"--window", "30", "a.json"}))
        .hasMessage("--window 30: not a duration such as 30s, 500ms or 2m");
    assertThatThrownBy(() -> CliArguments.parse(new String[] {"--window", "-5s", "a.json"}))
        .hasMessage("--window -5s: not a duration such as 30s, 500ms or 2m");
    assertThatThrownBy(() -> CliArguments.parse(new String[] {"--max-spans", "0", "a.json"}))
        .hasMessage("--max-spans 0: not a whole number of at least 1");
    assertThatThrownBy(() -> CliArguments.parse(new String[] {"a.json", "--window"}))
        .hasMessage("--window needs a value");
    assertThatThrownBy(() -> CliArguments.parse(new String[] {"--no-links"}))
        .hasMessage("no input: name OTLP files (JSON or protobuf), or - for standard input");
  }
}
