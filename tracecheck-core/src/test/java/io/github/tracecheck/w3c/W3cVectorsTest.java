package io.github.tracecheck.w3c;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * The W3C Trace Context and Baggage cases (from the W3C test suite, the specifications' examples
 * and OpenTelemetry Java's propagator tests), as a table of data in src/test/resources/w3c.
 */
class W3cVectorsTest {

  @Test
  void everyVectorHasTheExpectedResult() throws IOException {
    List<String> wrong = new ArrayList<>();
    int count = 0;
    for (String[] row : rows()) {
      String header = row[0];
      boolean expectValid = row[1].equals("valid");
      String value = expand(header, row[2]);
      String problem;
      switch (header) {
        case "traceparent":
          problem = Traceparent.problem(value);
          break;
        case "tracestate":
          problem = Tracestate.problem(value);
          break;
        default:
          problem = BaggageHeader.problem(value);
      }
      count++;
      if ((problem == null) != expectValid) {
        wrong.add(header + " '" + row[2] + "' (" + row[3] + "): expected " + row[1] + ", got "
            + (problem == null ? "valid" : "invalid: " + problem));
      }
    }
    System.out.println("W3C vectors: " + count + " checked, " + (count - wrong.size()) + " as expected");
    assertThat(count).isGreaterThanOrEqualTo(60);
    assertThat(wrong).isEmpty();
  }

  @Test
  void parsedTraceparentExposesItsFields() {
    Traceparent parsed = Traceparent.parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").orElseThrow();
    assertThat(parsed.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(parsed.parentId()).isEqualTo("b7ad6b7169203331");
    assertThat(parsed.sampled()).isTrue();
    assertThat(Traceparent.problem("ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
        .isEqualTo("'ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' has version ff, which is invalid");
  }

  private static List<String[]> rows() throws IOException {
    try (InputStream in = W3cVectorsTest.class.getResourceAsStream("/w3c/vectors.tsv")) {
      List<String[]> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          rows.add(line.split("\t", -1));
        }
      }
      return rows;
    }
  }

  private static String expand(String header, String value) {
    String v = value.replace("\\t", "\t").replace("\\u00e9", "\u00e9");
    if (v.startsWith("@members:")) {
      int n = Integer.parseInt(v.substring(9));
      StringJoiner joiner = new StringJoiner(",");
      for (int i = 0; i < n; i++) {
        joiner.add("k" + i + "=v");
      }
      return joiner.toString();
    }
    if (v.startsWith("@keylen:")) {
      return "k" + "x".repeat(Integer.parseInt(v.substring(8)) - 1) + "=v";
    }
    if (v.startsWith("@valuelen:")) {
      return "k=" + "v".repeat(Integer.parseInt(v.substring(10)));
    }
    if (v.startsWith("@bytes:")) {
      return "k=" + "v".repeat(Integer.parseInt(v.substring(7)) - 2);
    }
    return v;
  }
}
