package io.github.tracecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool's own failures are exit code 3 with one line, in a real JVM: never a stack trace, never 1. */
class ToolFailureExitTest {

  @TempDir Path dir;

  @Test
  void runningOutOfMemoryInATinyHeapExitsThreeWithTheSettingToChange() throws Exception {
    // one span whose attribute value alone needs more than the heap: 12 million characters
    Path file = dir.resolve("huge.json");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\","
          + "\"spanId\":\"00f067aa0ba902b7\",\"name\":\"s\",\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\","
          + "\"attributes\":[{\"key\":\"big\",\"value\":{\"stringValue\":\"");
      char[] chunk = "abcdefghij".repeat(100_000).toCharArray();
      for (int i = 0; i < 12; i++) {
        out.write(chunk);
      }
      out.write("\"}}]}]}]}]}");
    }

    Result result = runJava("-Xmx24m", file.toString());

    assertThat(result.exitCode).as("exit code; stderr: %s", result.err).isEqualTo(3);
    assertThat(result.err.lines().toList()).singleElement().asString()
        .startsWith("tracecheck: failed: out of memory with a heap of ")
        .contains("-Xmx");
    assertThat(result.err).doesNotContain("\tat ", "Exception in thread");
  }

  private record Result(int exitCode, String out, String err) {}

  private Result runJava(String heap, String... args) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new java.util.ArrayList<>(List.of(java, heap, "-cp", System.getProperty("java.class.path"),
        TraceCheckCli.class.getName()));
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the command line did not finish within 60 s: " + command);
    }
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }
}
