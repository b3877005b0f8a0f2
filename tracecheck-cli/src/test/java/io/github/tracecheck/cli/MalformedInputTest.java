package io.github.tracecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Each malformed shape of input is exit code 2 with one line naming where it is, on standard input
 * as from a file; nothing is read silently as no spans.
 */
class MalformedInputTest {

  private static final String SPAN = "resourceSpans[0].scopeSpans[0].spans[0]";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int check(byte[] input) {
    return TraceCheckCli.run(new String[] {"-"}, new ByteArrayInputStream(input),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private int check(String input) {
    return check(input.getBytes(StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** One document with one span, with {@code fields} added to the span. */
  private static String document(String fields) {
    return "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\","
        + "\"spanId\":\"00f067aa0ba902b7\",\"name\":\"s\",\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\""
        + (fields.isEmpty() ? "" : "," + fields) + "}]}]}]}";
  }

  @Test
  void resourceSpansOfTheWrongKind() {
    assertThat(check("{\"resourceSpans\":[5]}")).isEqualTo(2);
    assertThat(err()).isEqualTo("tracecheck: standard input at line 1, column 19: resourceSpans[0] is not an object\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("no findings");
  }

  @Test
  void aStatusAsABareString() {
    assertThat(check(document("\"status\":\"ERROR\""))).isEqualTo(2);
    assertThat(err()).isEqualTo("tracecheck: standard input at line 1, column 184: " + SPAN
        + ".status is a STRING, not an object such as {\"code\": \"STATUS_CODE_ERROR\"}\n");
  }

  @Test
  void aNegativeTime() {
    assertThat(check(document("").replace("\"startTimeUnixNano\":\"1\"", "\"startTimeUnixNano\":-1"))).isEqualTo(2);
    assertThat(err()).isEqualTo("tracecheck: standard input at line 1, column 149: " + SPAN
        + ".startTimeUnixNano -1 is negative: a time is nanoseconds since 1970-01-01\n");
  }

  @Test
  void aTimeOutOfRange() {
    assertThat(check(document("").replace("\"endTimeUnixNano\":\"2\"", "\"endTimeUnixNano\":\"99999999999999999999\"")))
        .isEqualTo(2);
    assertThat(err()).endsWith(SPAN + ".endTimeUnixNano 99999999999999999999 is out of range: later than 2262-04-11,"
        + " the last time a Java long holds\n");
  }

  @Test
  void anEndBeforeTheStart() {
    assertThat(check(document("").replace("\"endTimeUnixNano\":\"2\"", "\"endTimeUnixNano\":\"0\""))).isEqualTo(2);
    assertThat(err()).isEqualTo("tracecheck: standard input at line 1, column 44: " + SPAN
        + " ends before it starts: endTimeUnixNano 0 < startTimeUnixNano 1\n");
  }

  @Test
  void anInvalidUtf8Byte() {
    byte[] input = document("").replace("\"name\":\"s\"", "\"name\":\"\u0000\"").getBytes(StandardCharsets.UTF_8);
    int at = document("").indexOf("\"name\":\"s\"") + 8;
    input[at] = (byte) 0xFE;
    assertThat(check(input)).isEqualTo(2);
    assertThat(err()).startsWith("tracecheck: standard input: not valid UTF-8 at byte offset " + at + " (line 1, column ");
  }

  @Test
  void aByteOrderMarkIsNoError() {
    byte[] text = document("").getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[text.length + 3];
    input[0] = (byte) 0xEF;
    input[1] = (byte) 0xBB;
    input[2] = (byte) 0xBF;
    System.arraycopy(text, 0, input, 3, text.length);
    assertThat(check(input)).as(err()).isEqualTo(0);
  }

  @Test
  void aJsonLineCutShortIsReportedAtItsOwnLine() {
    assertThat(check(document("") + "\n{\"resourceSpans\":[{\n" + document("") + "\n")).isEqualTo(2);
    assertThat(err()).startsWith("tracecheck: standard input at line 2: the document on this line is not complete");
  }

  @Test
  void aBadLineAfterThousandsOfSpansReadOnTheReadingThreadIsStillExitTwoAtItsLine() {
    StringBuilder input = new StringBuilder();
    for (int line = 1; line <= 3000; line++) { // more spans than the reading thread hands over at once
      input.append(document("").replace("0af7651916cd43dd8448eb211c80319c", String.format("%032x", line))).append('\n');
    }
    input.append("{\"resourceSpans\":[5]}\n");

    assertThat(check(input.toString())).isEqualTo(2);
    assertThat(err()).isEqualTo("tracecheck: standard input at line 3001, column 19: resourceSpans[0] is not an object\n");
  }

  @Test
  void anEmptyInput() {
    assertThat(check("")).isEqualTo(2);
    assertThat(err()).isEqualTo("tracecheck: standard input: contains no OTLP JSON document\n");
  }
}
