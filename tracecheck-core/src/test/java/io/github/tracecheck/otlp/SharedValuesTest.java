package io.github.tracecheck.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spans of one stream share their repeated keys, resources, scopes and short texts; the tables stay bounded. */
class SharedValuesTest {

  private static String line(String spanId, String method) {
    return "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"shop\"}}]},"
        + "\"scopeSpans\":[{\"scope\":{\"name\":\"http\"},\"spans\":[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\","
        + "\"spanId\":\"" + spanId + "\",\"name\":\"GET\",\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\","
        + "\"attributes\":[{\"key\":\"http.request.method\",\"value\":{\"stringValue\":\"" + method + "\"}}]}]}]}]}\n";
  }

  @Test
  void spansOfOneStreamShareTheirKeysResourcesAndScopes() throws Exception {
    List<SpanData> spans = OtlpJsonReader.read(
        new StringReader(line("00f067aa0ba902b7", "GET") + line("00f067aa0ba902b8", "POST")), "lines");

    SpanData first = spans.get(0);
    SpanData second = spans.get(1);
    assertThat(second.getResource()).isSameAs(first.getResource());
    assertThat(second.getInstrumentationScopeInfo()).isSameAs(first.getInstrumentationScopeInfo());
    assertThat(key(second)).isSameAs(key(first));
    assertThat(second.getAttributes().get(AttributeKey.stringKey("http.request.method"))).isEqualTo("POST");
  }

  @Test
  void theSpansOfATraceInOneDocumentHoldOneTraceIdString() throws Exception {
    String spanOf = "{\"traceId\":\"0AF7651916CD43DD8448EB211C80319C\",\"spanId\":\"%s\",\"name\":\"s\","
        + "\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\"}";
    String document = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + String.format(spanOf, "00f067aa0ba902b7")
        + "," + String.format(spanOf, "00f067aa0ba902b8") + "]}]}]}";

    List<SpanData> spans = OtlpJsonReader.read(new StringReader(document), "document");

    assertThat(spans.get(1).getTraceId()).isSameAs(spans.get(0).getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
  }

  @Test
  void spansOfOneStreamShareTheirNamesShortValuesAndTheirParentsIds() throws Exception {
    String child = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\","
        + "\"spanId\":\"00f067aa0ba902b8\",\"parentSpanId\":\"00f067aa0ba902b7\",\"name\":\"GET\","
        + "\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\",\"attributes\":["
        + "{\"key\":\"http.request.method\",\"value\":{\"stringValue\":\"GET\"}},"
        + "{\"key\":\"url.full\",\"value\":{\"stringValue\":\"" + "http://shop/".repeat(10) + "\"}}]}]}]}]}\n";

    List<SpanData> spans = OtlpJsonReader.read(new StringReader(line("00f067aa0ba902b7", "GET") + child), "lines");

    SpanData parent = spans.get(0);
    SpanData second = spans.get(1);
    assertThat(second.getParentSpanId()).isSameAs(parent.getSpanId());
    assertThat(second.getName()).isSameAs(parent.getName());
    AttributeKey<String> method = AttributeKey.stringKey("http.request.method");
    assertThat(second.getAttributes().get(method)).isSameAs(parent.getAttributes().get(method)).isEqualTo("GET");
  }

  @Test
  void recentStringsAreFoundByTheirCharactersAndLongOnesAreNotKept() {
    RecentStrings recent = new RecentStrings();
    char[] text = "xxGETxx".toCharArray();
    String get = recent.of(text, 2, 3);
    String url = "http://shop/".repeat(10);

    assertThat(recent.of("GET".toCharArray(), 0, 3)).isSameAs(get).isEqualTo("GET");
    assertThat(recent.of("PUT".toCharArray(), 0, 3)).isEqualTo("PUT");
    assertThat(recent.of(url.toCharArray(), 0, url.length())).isNotSameAs(recent.of(url.toCharArray(), 0, url.length()))
        .isEqualTo(url);
    // texts seen once, more than there are slots, take no text's slot
    for (int i = 0; i < RecentStrings.SLOTS * 4; i++) {
      recent.of(("v" + i).toCharArray(), 0, ("v" + i).length());
    }
    assertThat(recent.of("GET".toCharArray(), 0, 3)).isSameAs(get);
    // a newer text that repeats takes an older one's slot: more of them than slots, and the first one is made again
    for (int i = 0; i < RecentStrings.SLOTS * 4; i++) {
      String repeated = "r" + i;
      recent.of(repeated.toCharArray(), 0, repeated.length());
      assertThat(recent.of(repeated.toCharArray(), 0, repeated.length())).isSameAs(recent.of(repeated.toCharArray(), 0, repeated.length()));
    }
    assertThat(recent.of("GET".toCharArray(), 0, 3)).isEqualTo("GET").isNotSameAs(get);
  }

  @Test
  void pastItsBoundATableMakesNewValuesWithoutKeepingThem() {
    SharedValues shared = new SharedValues();
    List<AttributeKey<String>> first = new ArrayList<>();
    for (int i = 0; i < SharedValues.MAX_ENTRIES + 10; i++) {
      first.add(shared.stringKey("key." + i));
    }

    assertThat(shared.stringKey("key.0")).isSameAs(first.get(0));
    AttributeKey<String> unkept = shared.stringKey("key." + SharedValues.MAX_ENTRIES);
    assertThat(unkept).isEqualTo(first.get(SharedValues.MAX_ENTRIES)).isNotSameAs(first.get(SharedValues.MAX_ENTRIES));
    // keys of another type are told apart
    assertThat(shared.longKey("key.0")).isEqualTo(AttributeKey.longKey("key.0"));
    Resource resource = shared.resource(Attributes.of(AttributeKey.stringKey("service.name"), "shop"));
    assertThat(resource).isEqualTo(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "shop")));
    assertThat(shared.resource(Attributes.of(AttributeKey.stringKey("service.name"), "shop"))).isSameAs(resource);
  }

  private static AttributeKey<?> key(SpanData span) {
    return span.getAttributes().asMap().keySet().stream().filter(k -> k.getKey().equals("http.request.method"))
        .findFirst().orElseThrow();
  }
}
