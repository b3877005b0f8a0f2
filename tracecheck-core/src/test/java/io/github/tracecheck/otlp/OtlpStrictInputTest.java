package io.github.tracecheck.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each malformed shape of an OTLP JSON input is an error naming where it is, and the correct shapes
 * a naive reader would refuse (a byte-order mark, enum names, the largest times, remote flags) are read.
 */
class OtlpStrictInputTest {

  private static final String SPAN_PATH = "resourceSpans[0].scopeSpans[0].spans[0]";

  @Test
  void aByteOrderMarkIsAccepted() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    assertThat(read(concat(bom, document("").getBytes(StandardCharsets.UTF_8)))).hasSize(1);
  }

  @Test
  void anInvalidUtf8ByteNamesItsByteOffset() {
    byte[] before = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"name\":\"".getBytes(StandardCharsets.UTF_8);
    byte[] input = concat(before, new byte[] {(byte) 0xFF}, "\"}]}]}]}".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> read(input))
        .isInstanceOf(OtlpFormatException.class)
        .hasMessageStartingWith("in: not valid UTF-8 at byte offset " + before.length + " (line 1, column ")
        .hasMessageContaining("Invalid UTF-8 start byte 0xff");
    byte[] badMiddle = concat(before, new byte[] {(byte) 0xC3, 0x28}, "\"}]}]}]}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> read(badMiddle))
        .hasMessageStartingWith("in: not valid UTF-8 at byte offset " + (before.length + 1) + " (line 1, column ")
        .hasMessageContaining("Invalid UTF-8 middle byte 0x28");
  }

  @Test
  void timesOutOfRangeNegativeOrNotWholeAreErrorsWithTheirField() {
    assertThatThrownBy(() -> read(document("").replace("\"startTimeUnixNano\":\"1\"", "\"startTimeUnixNano\":\"-5\"")))
        .hasMessageStartingWith("in at line 1, column ")
        .hasMessageEndingWith(SPAN_PATH + ".startTimeUnixNano -5 is negative: a time is nanoseconds since 1970-01-01");
    assertThatThrownBy(() -> read(document("").replace("\"endTimeUnixNano\":\"2\"", "\"endTimeUnixNano\":18446744073709551615")))
        .hasMessageEndingWith(SPAN_PATH + ".endTimeUnixNano 18446744073709551615 is out of range: later than 2262-04-11,"
            + " the last time a Java long holds");
    // one past the largest long, and the largest 19 digits: as a string and as a number
    assertThatThrownBy(() -> read(document("").replace("\"endTimeUnixNano\":\"2\"", "\"endTimeUnixNano\":\"9223372036854775808\"")))
        .hasMessageEndingWith(SPAN_PATH + ".endTimeUnixNano 9223372036854775808 is out of range: later than 2262-04-11,"
            + " the last time a Java long holds");
    assertThatThrownBy(() -> read(document("").replace("\"endTimeUnixNano\":\"2\"", "\"endTimeUnixNano\":9999999999999999999")))
        .hasMessageEndingWith(SPAN_PATH + ".endTimeUnixNano 9999999999999999999 is out of range: later than 2262-04-11,"
            + " the last time a Java long holds");
    assertThatThrownBy(() -> read(document("").replace("\"endTimeUnixNano\":\"2\"", "\"endTimeUnixNano\":\" 2\"")))
        .hasMessageEndingWith(SPAN_PATH + ".endTimeUnixNano ' 2' is not a whole number of nanoseconds");
    assertThatThrownBy(() -> read(document("").replace("\"endTimeUnixNano\":\"2\"", "\"endTimeUnixNano\":2.5")))
        .hasMessageEndingWith(SPAN_PATH + ".endTimeUnixNano '2.5' is not a whole number of nanoseconds");
    assertThatThrownBy(() -> read(document("").replace("\"endTimeUnixNano\":\"2\"", "\"endTimeUnixNano\":true")))
        .hasMessageEndingWith(SPAN_PATH + ".endTimeUnixNano 'true' is not a whole number of nanoseconds");
  }

  @Test
  void theLargestTimeAJavaLongHoldsIsRead() throws Exception {
    String largest = document("").replace("\"endTimeUnixNano\":\"2\"", "\"endTimeUnixNano\":\"9223372036854775807\"");
    assertThat(read(largest).get(0).getEndEpochNanos()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aSpanThatEndsBeforeItStartsIsAnError() {
    String backwards = document("").replace("\"startTimeUnixNano\":\"1\"", "\"startTimeUnixNano\":\"5\"");
    assertThatThrownBy(() -> read(backwards))
        .hasMessage("in at line 1, column 44: " + SPAN_PATH + " ends before it starts: endTimeUnixNano 2 < startTimeUnixNano 5");
  }

  @Test
  void aStatusGivenAsAStringIsAnErrorNotUnset() {
    assertThatThrownBy(() -> read(document("\"status\":\"ERROR\"")))
        .hasMessageEndingWith(SPAN_PATH + ".status is a STRING, not an object such as {\"code\": \"STATUS_CODE_ERROR\"}");
    assertThatThrownBy(() -> read(document("\"status\":{\"code\":\"ERROR\"}")))
        .hasMessageEndingWith(SPAN_PATH + ".status.code 'ERROR' is not a status code (0, 1, 2 or STATUS_CODE_UNSET,"
            + " STATUS_CODE_OK, STATUS_CODE_ERROR)");
  }

  @Test
  void statusCodesAreReadByNumberAndByEnumName() throws Exception {
    assertThat(read(document("\"status\":{\"code\":\"STATUS_CODE_ERROR\",\"message\":\"m\"}")).get(0).getStatus().getStatusCode())
        .isEqualTo(StatusCode.ERROR);
    assertThat(read(document("\"status\":{\"code\":2}")).get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(read(document("\"status\":{\"code\":\"STATUS_CODE_OK\"}")).get(0).getStatus().getStatusCode())
        .isEqualTo(StatusCode.OK);
    assertThat(read(document("\"status\":{}")).get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void structureOfTheWrongKindIsNeverReadAsNoSpans() {
    assertThatThrownBy(() -> read("{\"resourceSpans\":[5]}"))
        .hasMessage("in at line 1, column 19: resourceSpans[0] is not an object");
    assertThatThrownBy(() -> read("{\"resourceSpans\":[\"x\"]}"))
        .hasMessage("in at line 1, column 19: resourceSpans[0] is not an object");
    assertThatThrownBy(() -> read("{\"resourceSpans\":{}}"))
        .hasMessage("in at line 1, column 18: resourceSpans is not an array");
    assertThatThrownBy(() -> read("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":{}}]}]}"))
        .hasMessage("in at line 1, column 43: resourceSpans[0].scopeSpans[0].spans is not an array");
  }

  @Test
  void anEmptyExportIsReadAsNoSpans() throws Exception {
    assertThat(read("{\"resourceSpans\":[]}")).isEmpty();
    assertThat(read("{\"resourceSpans\":[{\"scopeSpans\":[]}]}")).isEmpty();
  }

  @Test
  void inJsonLinesALineWhoseDocumentIsCutShortIsReportedAtThatLine() {
    String lines = document("") + "\n" + "{\"resourceSpans\":[" + "\n" + document("") + "\n";
    assertThatThrownBy(() -> read(lines))
        .hasMessageStartingWith("in at line 2: the document on this line is not complete (JSON lines hold one document"
            + " per line); reading on, at line 4, column 1: Unexpected end-of-input");
    String split = document("") + "\n" + document("").replace(",\"name\"", ",\n\"name\"") + "\n";
    assertThatThrownBy(() -> read(split))
        .hasMessage("in at line 2: the document on this line ends on line 3 (JSON lines hold one document per line)");
  }

  @Test
  void aPrettyPrintedDocumentIsNotJsonLines() throws Exception {
    String pretty = document("").replace(",", ",\n  ");
    assertThat(read(pretty + "\n" + pretty)).hasSize(2);
  }

  @Test
  void limitsOfTheParserNameThePosition() {
    String longNumber = document("").replace("\"endTimeUnixNano\":\"2\"", "\"endTimeUnixNano\":" + "9".repeat(2000));
    assertThatThrownBy(() -> read(longNumber))
        .hasMessageStartingWith("in: not valid JSON at line 1, column ")
        .hasMessageContaining("Number value length (");
  }

  @Test
  void spansAreHandedOnWhileTheDocumentIsStillBeingRead() throws Exception {
    List<String> seen = new ArrayList<>();
    String twoSpansThenBroken = "{\"resourceSpans\":[{\"resource\":{},\"scopeSpans\":[{\"scope\":{\"name\":\"s\"},\"spans\":["
        + span("a") + "," + span("b") + ",7]}]}]}";

    assertThatThrownBy(() -> OtlpJsonReader.stream(
            new ByteArrayInputStream(twoSpansThenBroken.getBytes(StandardCharsets.UTF_8)), "in", s -> seen.add(s.getName())))
        .hasMessageEndingWith("resourceSpans[0].scopeSpans[0].spans[2] is not an object");
    assertThat(seen).containsExactly("a", "b");
  }

  @Test
  void spansBeforeTheirResourceWaitForIt() throws Exception {
    String resourceLast = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + span("a") + "],\"scope\":{\"name\":\"s\"}}],"
        + "\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"late\"}}]}}]}";

    SpanData span = read(resourceLast).get(0);

    assertThat(span.getResource().getAttribute(io.opentelemetry.api.common.AttributeKey.stringKey("service.name")))
        .isEqualTo("late");
    assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("s");
  }

  @Test
  void spansWaitingForTheirScopeOrResourceKeepTheirOrderAndEachGetsItsOwn() throws Exception {
    // the reader keeps one span, resource and scope being read in fields used again: the spans that
    // wait must each keep their own, in any order of the fields and with none given
    String json = "{\"resourceSpans\":["
        + "{\"scopeSpans\":[{\"spans\":[" + span("a") + "],\"scope\":{\"name\":\"s1\"}},"
        + "{\"scope\":{\"name\":\"s2\",\"version\":\"1\"},\"spans\":[" + span("b") + "]}]," + resource("late") + "},"
        + "{" + resource("early") + ",\"scopeSpans\":[{\"spans\":[" + span("c") + "],\"scope\":{\"name\":\"s3\"}},"
        + "{\"spans\":[" + span("d") + "]}]},"
        + "{\"scopeSpans\":[{\"spans\":[" + span("e") + "]},{\"scope\":{\"name\":\"s1\"},\"spans\":[" + span("f") + "]}]}]}";

    List<String> read = new ArrayList<>();
    for (SpanData span : read(json)) {
      InstrumentationScopeInfo scope = span.getInstrumentationScopeInfo();
      read.add(span.getName() + " " + scope.getName() + " " + scope.getVersion() + " "
          + span.getResource().getAttributes().get(AttributeKey.stringKey("service.name")));
    }

    assertThat(read).containsExactly(
        "a s1 null late", "b s2 1 late", "c s3 null early", "d  null early", "e  null null", "f s1 null null");
  }

  private static String resource(String service) {
    return "\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"" + service + "\"}}]}";
  }

  @Test
  void remoteBitsOfSpanAndLinkFlagsAreRead() throws Exception {
    String remote = document("\"parentSpanId\":\"00f067aa0ba902b8\",\"flags\":769,"
        + "\"links\":[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"spanId\":\"00f067aa0ba902b9\",\"flags\":768}]");
    SpanData span = read(remote).get(0);
    assertThat(span.getParentSpanContext().isRemote()).isTrue();
    assertThat(span.getSpanContext().isRemote()).isFalse();
    assertThat(span.getSpanContext().isSampled()).isTrue();
    assertThat(span.getLinks().get(0).getSpanContext().isRemote()).isTrue();
    assertThat(span.getLinks().get(0).getSpanContext().isSampled()).isFalse();

    // bit 9 without bit 8 says nothing; bit 8 alone says local
    assertThat(read(document("\"parentSpanId\":\"00f067aa0ba902b8\",\"flags\":513")).get(0).getParentSpanContext().isRemote())
        .isFalse();
    assertThat(read(document("\"parentSpanId\":\"00f067aa0ba902b8\",\"flags\":257")).get(0).getParentSpanContext().isRemote())
        .isFalse();
    assertThatThrownBy(() -> read(document("\"flags\":-1")))
        .hasMessageEndingWith(SPAN_PATH + ".flags -1 is not a 32-bit flags value");
  }

  private static List<SpanData> read(String json) throws OtlpFormatException {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }

  private static List<SpanData> read(byte[] bytes) throws OtlpFormatException {
    List<SpanData> spans = new ArrayList<>();
    OtlpJsonReader.stream(new ByteArrayInputStream(bytes), "in", spans::add);
    return spans;
  }

  private static String span(String name) {
    return "{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"spanId\":\"00f067aa0ba902b7\",\"name\":\"" + name
        + "\",\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\"}";
  }

  /** One document with one span, with {@code fields} added to the span. */
  private static String document(String fields) {
    return "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\","
        + "\"spanId\":\"00f067aa0ba902b7\",\"name\":\"s\",\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\""
        + (fields.isEmpty() ? "" : "," + fields) + "}]}]}]}";
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
