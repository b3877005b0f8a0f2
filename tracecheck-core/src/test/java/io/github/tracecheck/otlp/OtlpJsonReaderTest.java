package io.github.tracecheck.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpJsonReaderTest {

  @Test
  void readsSpansIntoTheSameTreesTheSdkWouldProduce() throws Exception {
    List<SpanData> spans = OtlpJsonReader.read(Path.of("src/test/resources/clean.json"));

    TraceForest forest = TraceForest.of(spans);
    assertThat(forest.traces()).hasSize(1);
    SpanNode server = forest.traces().get(0).roots().get(0);
    assertThat(forest.traces().get(0).roots()).containsExactly(server);
    assertThat(server.name()).isEqualTo("POST /checkout");
    assertThat(server.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(server.serviceName()).isEqualTo("api-gateway");
    SpanNode producer = server.children().get(0);
    assertThat(server.children()).containsExactly(producer);
    assertThat(producer.name()).isEqualTo("orders publish");
    assertThat(producer.kind()).isEqualTo(SpanKind.PRODUCER);
    SpanNode consumer = producer.children().get(0);
    assertThat(producer.children()).containsExactly(consumer);
    assertThat(consumer.name()).isEqualTo("orders process");
    assertThat(consumer.kind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(consumer.serviceName()).isEqualTo("order-worker");
    assertThat(consumer.data().getStatus().getStatusCode()).isEqualTo(StatusCode.OK);
    SpanData root = spans.get(0);
    assertThat(root.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(202L);
    assertThat(root.getInstrumentationScopeInfo().getName()).isEqualTo("checkout");
    assertThat(root.getInstrumentationScopeInfo().getVersion()).isEqualTo("1.0");
    assertThat(root.getEndEpochNanos() - root.getStartEpochNanos()).isEqualTo(40_000_000L);
  }

  @Test
  void acceptsSnakeCaseNamesNumbersAndArrays() throws Exception {
    String json =
        "{\"resource_spans\":[{\"scope_spans\":[{\"spans\":[{\"trace_id\":\"0AF7651916CD43DD8448EB211C80319C\","
            + "\"span_id\":\"00f067aa0ba902b7\",\"name\":\"s\",\"start_time_unix_nano\":1,\"end_time_unix_nano\":2,"
            + "\"status\":{\"code\":\"STATUS_CODE_ERROR\",\"message\":\"boom\"},"
            + "\"attributes\":[{\"key\":\"tags\",\"value\":{\"arrayValue\":{\"values\":[{\"stringValue\":\"a\"}]}}},"
            + "{\"key\":\"ok\",\"value\":{\"boolValue\":true}},{\"key\":\"ratio\",\"value\":{\"doubleValue\":0.5}}]}]}]}]}";

    SpanData span = OtlpJsonReader.read(new StringReader(json), "inline").get(0);

    assertThat(span.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(span.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getStatus().getDescription()).isEqualTo("boom");
    assertThat(span.getAttributes().get(AttributeKey.stringArrayKey("tags"))).containsExactly("a");
    assertThat(span.getAttributes().get(AttributeKey.booleanKey("ok"))).isTrue();
    assertThat(span.getAttributes().get(AttributeKey.doubleKey("ratio"))).isEqualTo(0.5);
  }

  @Test
  void fieldNamesMetAgainInLaterDocumentsAreReadAsTheFirstTime() throws Exception {
    String snake = "{\"resource_spans\":[{\"scope_spans\":[{\"spans\":[{\"trace_id\":\"0af7651916cd43dd8448eb211c80319c\","
        + "\"span_id\":\"00f067aa0ba902b%d\",\"name\":\"s%d\",\"start_time_unix_nano\":1,\"end_time_unix_nano\":2}]}]}]}";
    String camel = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\","
        + "\"spanId\":\"00f067aa0ba902b%d\",\"parent_span_id\":\"00f067aa0ba902b1\",\"name\":\"c%d\","
        + "\"startTimeUnixNano\":1,\"end_time_unix_nano\":2}]}]}]}";
    String lines = String.join("\n", snake.formatted(1, 1), camel.formatted(2, 2), snake.formatted(3, 3), camel.formatted(4, 4));

    List<SpanData> spans = OtlpJsonReader.read(new StringReader(lines), "inline");

    assertThat(spans).extracting(SpanData::getName).containsExactly("s1", "c2", "s3", "c4");
    assertThat(spans).extracting(SpanData::getParentSpanId)
        .containsExactly("0000000000000000", "00f067aa0ba902b1", "0000000000000000", "00f067aa0ba902b1");
    assertThat(spans).extracting(SpanData::getEndEpochNanos).containsOnly(2L);
  }

  @Test
  void reportsTheFieldThatIsWrong() {
    String badKind =
        "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\","
            + "\"spanId\":\"00f067aa0ba902b7\",\"name\":\"s\",\"kind\":9,\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\"}]}]}]}";
    assertThatThrownBy(() -> OtlpJsonReader.read(new StringReader(badKind), "inline"))
        .isInstanceOf(OtlpFormatException.class)
        .hasMessage("inline at line 1, column 136: resourceSpans[0].scopeSpans[0].spans[0].kind '9' is not a span kind"
            + " (0-5 or SPAN_KIND_...)");
    assertThatThrownBy(() -> OtlpJsonReader.read(new StringReader(""), "empty"))
        .hasMessage("empty: contains no OTLP JSON document");
    assertThatThrownBy(
            () -> OtlpJsonReader.read(new StringReader("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{}]}]}]}"), "x"))
        .hasMessage("x at line 1, column 44: resourceSpans[0].scopeSpans[0].spans[0].traceId is missing");
  }

  @Test
  void keepsTheTypeOfArraysAndTheJsonOfValuesJavaAttributesCannotHold() throws Exception {
    String json = document(
        "\"attributes\":["
            + attribute("longs", "{\"arrayValue\":{\"values\":[{\"intValue\":\"1\"},{\"intValue\":2}]}}") + ","
            + attribute("doubles", "{\"arrayValue\":{\"values\":[{\"doubleValue\":0.5},{\"doubleValue\":\"NaN\"}]}}") + ","
            + attribute("bools", "{\"arrayValue\":{\"values\":[{\"boolValue\":false}]}}") + ","
            + attribute("mixed", "{\"arrayValue\":{\"values\":[{\"stringValue\":\"a\"},{\"intValue\":\"3\"}]}}") + ","
            + attribute("empty", "{\"arrayValue\":{}}") + ","
            + attribute("map", "{\"kvlistValue\":{\"values\":[{\"key\":\"k\",\"value\":{\"stringValue\":\"v\"}}]}}") + ","
            + attribute("no value", "null") + "]");

    SpanData span = OtlpJsonReader.read(new StringReader(json), "inline").get(0);

    assertThat(span.getAttributes().get(AttributeKey.longArrayKey("longs"))).containsExactly(1L, 2L);
    assertThat(span.getAttributes().get(AttributeKey.doubleArrayKey("doubles"))).containsExactly(0.5, Double.NaN);
    assertThat(span.getAttributes().get(AttributeKey.booleanArrayKey("bools"))).containsExactly(false);
    assertThat(span.getAttributes().get(AttributeKey.stringArrayKey("mixed"))).containsExactly("a", "3");
    assertThat(span.getAttributes().get(AttributeKey.stringArrayKey("empty"))).isEmpty();
    assertThat(span.getAttributes().get(AttributeKey.stringKey("map")))
        .isEqualTo("{\"kvlistValue\":{\"values\":[{\"key\":\"k\",\"value\":{\"stringValue\":\"v\"}}]}}");
    assertThat(span.getAttributes().size()).isEqualTo(6);
  }

  @Test
  void namesTheDocumentLineAndPathOfAValueOfTheWrongType() {
    String lines = document("") + "\n" + document("\"attributes\":[" + attribute("n", "{\"intValue\":\"x\"}") + "]");
    assertThatThrownBy(() -> OtlpJsonReader.read(new StringReader(lines), "lines"))
        .hasMessage("lines at line 2, column 220: resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.intValue"
            + " 'x' is not an integer");
    assertThatThrownBy(() -> OtlpJsonReader.read(new StringReader("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[7]}]}]}"), "x"))
        .hasMessage("x at line 1, column 44: resourceSpans[0].scopeSpans[0].spans[0] is not an object");
    assertThatThrownBy(() -> OtlpJsonReader.read(new StringReader("[]"), "x"))
        .hasMessage("x at line 1, column 1: expected an object with \"resourceSpans\", found ARRAY");
  }

  @Test
  void aDocumentThatIsNotValidJsonIsReportedSoEvenWhenItIsAlsoNotOtlp() {
    String broken = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"kind\":9}]}]}],}";
    assertThatThrownBy(() -> OtlpJsonReader.read(new StringReader(broken), "x"))
        .hasMessageStartingWith("x: not valid JSON at line 1, column 60: Unexpected character ('}'");
  }

  @Test
  void anErrorDeepInNestedArraysNamesItsPathAfterEarlierSiblingsWereRead() {
    // the paths of fields and elements are moved from one to the next, not made anew: an error
    // after siblings and deeper values were read must still name its own place
    String nested = "{\"arrayValue\":{\"values\":[{\"intValue\":1},{\"arrayValue\":{\"values\":["
        + "{\"arrayValue\":{\"values\":[{\"stringValue\":\"deep\"}]}},{\"stringValue\":\"a\"},{\"intValue\":\"x\"}]}}]}}";
    String twoSpans = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + span("\"attributes\":["
        + attribute("first", nested.replace("\"x\"", "3")) + "]") + "," + span("\"attributes\":["
        + attribute("a", "{\"stringValue\":\"b\"}") + "," + attribute("nested", nested) + "]") + "]}]}]}";

    assertThatThrownBy(() -> OtlpJsonReader.read(new StringReader(twoSpans), "x"))
        .hasMessage("x at line 1, column 729: resourceSpans[0].scopeSpans[0].spans[1].attributes[1].value.arrayValue.values[1]"
            + ".arrayValue.values[2].intValue 'x' is not an integer");
    String keyMissingAfterANestedValue = twoSpans.replace(attribute("nested", nested), attribute("nested",
        nested.replace("\"x\"", "3")) + ",{\"value\":{\"intValue\":1}}");
    assertThatThrownBy(() -> OtlpJsonReader.read(new StringReader(keyMissingAfterANestedValue), "x"))
        .hasMessage("x at line 1, column 762: resourceSpans[0].scopeSpans[0].spans[1].attributes[2].key is missing or not a string");
    String eventAfterAnEventWithAttributes = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + span("") + ","
        + span("\"events\":[{\"timeUnixNano\":\"1\",\"attributes\":[" + attribute("n", nested.replace("\"x\"", "3"))
        + "]},{\"name\":\"late\"}],\"links\":[{\"spanId\":\"00f067aa0ba902b7\"}]") + "]}]}]}";
    assertThatThrownBy(() -> OtlpJsonReader.read(new StringReader(eventAfterAnEventWithAttributes), "x"))
        .hasMessage("x at line 1, column 530: resourceSpans[0].scopeSpans[0].spans[1].events[1].timeUnixNano is missing");
    String linkAfterEvents = eventAfterAnEventWithAttributes.replace(",{\"name\":\"late\"}", "");
    assertThatThrownBy(() -> OtlpJsonReader.read(new StringReader(linkAfterEvents), "x"))
        .hasMessage("x at line 1, column 540: resourceSpans[0].scopeSpans[0].spans[1].links[0].traceId is missing");
  }

  private static String span(String fields) {
    return "{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"spanId\":\"00f067aa0ba902b7\",\"name\":\"s\","
        + "\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
  }

  /** One document with one span, with {@code fields} added to the span. */
  private static String document(String fields) {
    return "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\","
        + "\"spanId\":\"00f067aa0ba902b7\",\"name\":\"s\",\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\""
        + (fields.isEmpty() ? "" : "," + fields) + "}]}]}]}";
  }

  private static String attribute(String key, String value) {
    return "{\"key\":\"" + key + "\",\"value\":" + value + "}";
  }

  @Test
  void deeplyNestedInputIsAClearErrorNotAStackOverflow() {
    String deep = "[".repeat(100_000);
    assertThatThrownBy(() -> OtlpJsonReader.read(new StringReader(deep), "deep"))
        .isInstanceOf(OtlpFormatException.class)
        .hasMessageStartingWith("deep: not valid JSON at line 1, column 1002: Document nesting depth (1001) exceeds the maximum allowed (1000");
  }
}
