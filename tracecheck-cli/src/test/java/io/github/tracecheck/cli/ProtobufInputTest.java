package io.github.tracecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.otlp.OtlpJsonReader;
import io.github.tracecheck.testing.CollectorProtoFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Collector's {@code format: proto} files: the same spans give the same findings and exit code
 * as in JSON, from files and from standard input; a file cut off or of garbage is exit code 2 with
 * the message, field and byte offset.
 */
class ProtobufInputTest {

  private static final List<String> JSON_FILES = List.of("clean.json", "broken.jsonl", "linked-consumer.json");

  @TempDir Path dir;

  /** A run's exit code, standard output and standard error. */
  private record Run(int exit, String out, String err) {}

  private static Run run(InputStream in, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = TraceCheckCli.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Path json(String name) {
    return Path.of("src/test/resources", name);
  }

  private Path proto(String jsonName) throws Exception {
    byte[] file = CollectorProtoFiles.of(OtlpJsonReader.read(json(jsonName)), 2);
    return Files.write(dir.resolve(jsonName.replaceAll("\\.jsonl?$", ".pb")), file);
  }

  @Test
  void theSameSpansAsProtobufGiveTheSameFindingsAsJson() throws Exception {
    for (String name : JSON_FILES) {
      Path proto = proto(name);
      for (String format : List.of("text", "json")) {
        Run fromJson = run(InputStream.nullInputStream(), "--format", format, json(name).toString());
        Run fromProto = run(InputStream.nullInputStream(), "--format", format, proto.toString());

        assertThat(fromProto).as(name + " as " + format).isEqualTo(fromJson);
      }
    }
    assertThat(run(InputStream.nullInputStream(), proto("broken.jsonl").toString()).out())
        .contains("[orphaned-root] consumer span \"orders process\" (order-worker) started a new trace")
        .endsWith("tracecheck: read 3 spans in 2 traces from 1 file: found 2 problems\n");
  }

  @Test
  void protobufOnStandardInputIsToldFromJsonByItsFirstByte() throws Exception {
    Path proto = proto("broken.jsonl");

    Run fromStandardInput = run(new ByteArrayInputStream(Files.readAllBytes(proto)), "-", json("clean.json").toString());

    assertThat(fromStandardInput.exit()).isEqualTo(1);
    assertThat(fromStandardInput.out()).isEqualTo(
        run(InputStream.nullInputStream(), proto.toString(), json("clean.json").toString()).out());
  }

  @Test
  void aFileCutOffIsBadInputWithTheByteOffset() throws Exception {
    byte[] file = Files.readAllBytes(proto("broken.jsonl"));
    int secondMessage = 4 + ((file[0] & 0xff) << 24 | (file[1] & 0xff) << 16 | (file[2] & 0xff) << 8 | (file[3] & 0xff));

    Run cut = run(new ByteArrayInputStream(Arrays.copyOf(file, secondMessage + 10)), "-");

    assertThat(cut.exit()).isEqualTo(2);
    assertThat(cut.err()).startsWith("tracecheck: standard input: message 1 at byte offset " + secondMessage
        + ": cut off: its length says ").endsWith(" bytes, the input ends after 6 (is this a Collector format: proto file?)\n");
    assertThat(cut.out()).isEmpty();
  }

  @Test
  void garbageIsBadInputNamingTheFieldAndTheByteOffset() throws Exception {
    // one message of 3 bytes: field 1 (resourceSpans) declaring 80 bytes, 1 of them there
    Path garbage = Files.write(dir.resolve("garbage.pb"), new byte[] {0, 0, 0, 3, 0x0A, 80, 1});

    Run run = run(InputStream.nullInputStream(), garbage.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("tracecheck: " + garbage + ": message 0 at byte offset 0: not a valid TracesData"
        + " message: resourceSpans[0] at byte offset 5: a length of 80 bytes, but only 1 are left in the enclosing message\n");
  }
}
