package io.github.tracecheck.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.github.tracecheck.testing.CollectorProtoFiles;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.TracesData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Collector's {@code format: proto} files: the same spans as the JSON files, and every way such a file breaks. */
class OtlpProtoReaderTest {

  private static final Path CLEAN = Path.of("src/test/resources/clean.json");
  private static final Path BROKEN = Path.of("src/test/resources/broken.jsonl");
  private static final HexFormat HEX = HexFormat.of();

  @TempDir Path dir;

  @Test
  void aProtoFileReadsAsTheSameSpansAsTheJsonFile() throws Exception {
    for (Path json : List.of(CLEAN, BROKEN)) {
      List<SpanData> spans = OtlpJsonReader.read(json);
      Path proto = Files.write(dir.resolve("traces.pb"), CollectorProtoFiles.of(spans, 2));

      assertThat(OtlpFiles.read(List.of(proto.toString()), InputStream.nullInputStream())).isEqualTo(spans);
    }
  }

  @Test
  void theFormatIsTheExtensionsOrElseTheFirstBytes() throws Exception {
    List<SpanData> spans = OtlpJsonReader.read(CLEAN);
    byte[] proto = CollectorProtoFiles.of(spans, 1);
    Path unnamedProto = Files.write(dir.resolve("traces"), proto);
    Path unnamedJson = Files.write(dir.resolve("traces.out"), Files.readAllBytes(CLEAN));

    assertThat(OtlpFiles.read(List.of(unnamedProto.toString(), unnamedJson.toString()), InputStream.nullInputStream()))
        .isEqualTo(concat(spans, spans));
    assertThat(OtlpFiles.read(List.of(OtlpFiles.STANDARD_INPUT), new ByteArrayInputStream(proto))).isEqualTo(spans);
    // a known extension decides: JSON named .pb is read as frames, and its first bytes are no length -
    // refused at once, not after reading as much of the file as that length says (about 2 GB)
    Path jsonNamedPb = Files.write(dir.resolve("misnamed.pb"), Files.readAllBytes(CLEAN));
    assertThatThrownBy(() -> OtlpFiles.read(List.of(jsonNamedPb.toString()), InputStream.nullInputStream()))
        .hasMessage(jsonNamedPb + ": message 0 at byte offset 0: a length of 2064261152 bytes, over the 256 MiB a"
            + " message may have (is this a Collector format: proto file? A JSON file needs a .json, .jsonl or .ndjson"
            + " name)");
  }

  @Test
  void aLengthOrAMessageCutOffIsReportedWithItsOffset() {
    byte[] file = CollectorProtoFiles.of(spans(), 1);
    int firstMessage = 4 + ByteBuffer.wrap(file).getInt();

    assertThatThrownBy(() -> read(Arrays.copyOf(file, firstMessage + 2)))
        .hasMessage("standard input: message 1 at byte offset " + firstMessage
            + ": the input ends after 2 of the 4 bytes of its length (the Collector's format: proto writes each"
            + " message after its length)");
    int lastMessage = firstMessage + 4 + ByteBuffer.wrap(file, firstMessage, 4).getInt();
    int lastLength = ByteBuffer.wrap(file, lastMessage, 4).getInt();
    assertThatThrownBy(() -> read(Arrays.copyOf(file, file.length - 1)))
        .hasMessage("standard input: message 2 at byte offset " + lastMessage + ": cut off: its length says "
            + lastLength + " bytes, the input ends after " + (lastLength - 1) + " (is this a Collector format: proto file?)");
    assertThatThrownBy(() -> read(new byte[0])).hasMessage("standard input: contains no OTLP JSON document");
  }

  @Test
  void aBrokenMessageNamesTheFieldAndTheByteOffset() {
    byte[] name = "GET /".getBytes();
    byte[] message = TracesData.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .addScopeSpans(ScopeSpans.newBuilder().addSpans(span("a")).addSpans(span("GET /")))).build().toByteArray();
    // the second span's name becomes bytes that are not UTF-8
    int at = lastIndexOf(message, name);
    message[at] = (byte) 0xC3;
    message[at + 1] = (byte) 0x28;

    assertThatThrownBy(() -> read(framed(message)))
        .hasMessage("standard input: message 0 at byte offset 0: not a valid TracesData message:"
            + " resourceSpans[0].scopeSpans[0].spans[1].name at byte offset " + (4 + at) + ": a string that is not valid UTF-8");
  }

  @Test
  void garbageIsReportedWhereTheWireFormatBreaks() {
    // field 1 (resourceSpans), length-delimited, declaring 100 bytes of which 3 follow
    byte[] garbage = {0x0A, 100, 0x12, 0x34, 0x56};
    assertThatThrownBy(() -> read(framed(garbage)))
        .hasMessage("standard input: message 0 at byte offset 0: not a valid TracesData message: resourceSpans[0]"
            + " at byte offset 5: a length of 100 bytes, but only 3 are left in the enclosing message");
    // wire type 7 does not exist
    assertThatThrownBy(() -> read(framed(new byte[] {0x0F})))
        .hasMessage("standard input: message 0 at byte offset 0: not a valid TracesData message: resourceSpans[0]"
            + " at byte offset 4: wire type 7, which protobuf does not have");
  }

  @Test
  void aSpanThatCannotBeReadNamesItsMessageAndField() {
    byte[] message = TracesData.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .addScopeSpans(ScopeSpans.newBuilder().addSpans(span("a").setTraceId(ByteString.copyFrom(new byte[3])))))
        .build().toByteArray();
    byte[] file = concat(CollectorProtoFiles.of(spans(), 3), framed(message));

    assertThatThrownBy(() -> read(file))
        .hasMessage("standard input: message 1 at byte offset " + (file.length - message.length - 4)
            + ": resourceSpans[0].scopeSpans[0].spans[0].traceId: 3 bytes, expected 16");
  }

  private static List<SpanData> spans() {
    try {
      return OtlpJsonReader.read(BROKEN);
    } catch (OtlpFormatException e) {
      throw new AssertionError(e);
    }
  }

  private static List<SpanData> read(byte[] file) throws OtlpFormatException {
    return OtlpFiles.read(List.of(OtlpFiles.STANDARD_INPUT), new ByteArrayInputStream(file));
  }

  private static Span.Builder span(String name) {
    return Span.newBuilder().setName(name)
        .setTraceId(ByteString.copyFrom(HEX.parseHex("4bf92f3577b34da6a3ce929d0e0e4736")))
        .setSpanId(ByteString.copyFrom(HEX.parseHex("00f067aa0ba902b7")))
        .setStartTimeUnixNano(1_000).setEndTimeUnixNano(2_000);
  }

  private static byte[] framed(byte[] message) {
    return concat(ByteBuffer.allocate(4).putInt(message.length).array(), message);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.writeBytes(first);
    both.writeBytes(second);
    return both.toByteArray();
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  private static int lastIndexOf(byte[] bytes, byte[] part) {
    for (int i = bytes.length - part.length; i >= 0; i--) {
      if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

}
