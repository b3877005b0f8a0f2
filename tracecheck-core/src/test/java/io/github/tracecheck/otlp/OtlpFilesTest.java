package io.github.tracecheck.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpFilesTest {

  private static final String CLEAN = "src/test/resources/clean.json";
  private static final String BROKEN = "src/test/resources/broken.jsonl";

  @Test
  void readsFilesAndStandardInputInTheirOrder() throws Exception {
    InputStream standardInput = new ByteArrayInputStream(Files.readAllBytes(Path.of(CLEAN)));

    List<SpanData> spans = OtlpFiles.read(List.of(BROKEN, OtlpFiles.STANDARD_INPUT), standardInput);

    assertThat(spans).extracting(SpanData::getName).containsExactly(
        "POST /checkout", "orders publish", "orders process", "POST /checkout", "orders publish", "orders process");
    assertThat(spans.subList(0, 3)).isEqualTo(OtlpJsonReader.read(Path.of(BROKEN)));
  }

  @Test
  void theFirstInputThatCannotBeReadStopsTheReading() {
    InputStream standardInput = new ByteArrayInputStream("{}".getBytes());

    assertThatThrownBy(() -> OtlpFiles.read(List.of(CLEAN, "-", "missing.json"), standardInput))
        .isInstanceOf(OtlpFormatException.class)
        .hasMessage("standard input at line 1, column 1: has no \"resourceSpans\" array: not an OTLP JSON trace document");
  }
}
