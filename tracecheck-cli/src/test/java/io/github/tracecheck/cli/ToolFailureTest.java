package io.github.tracecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one line of a tool failure: what happened and what to change, masked, on one line. */
class ToolFailureTest {

  @Test
  void anInternalErrorIsOneMaskedLineThatAsksForAReport() {
    String line = ToolFailure.internalError(new IllegalStateException("span of jane.doe@example.com\n\tbroke"));

    assertThat(line).doesNotContain("\n").doesNotContain("jane.doe@example.com")
        .startsWith("tracecheck: failed: internal error java.lang.IllegalStateException: span of ")
        .endsWith("(a bug in tracecheck: please report it with the input that caused it)");
  }

  @Test
  void outOfMemoryNamesTheHeapAndTheSettingsToChange() {
    assertThat(ToolFailure.outOfMemory(64L << 20))
        .isEqualTo("tracecheck: failed: out of memory with a heap of 64 MB; give the JVM more (java -Xmx2g -jar"
            + " tracecheck-cli.jar ...) or hold fewer traces at once (a smaller --window or --max-spans)");
  }
}
