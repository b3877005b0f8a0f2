package io.github.tracecheck.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.proto.trace.v1.TracesData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OTLP protobuf shapes no SDK exporter in these tests sends: the Collector's {@code TracesData},
 * values SpanData has no type for, absent flags and end times; and what cannot be read.
 */
class OtlpProtoSpansTest {

  private static final HexFormat HEX = HexFormat.of();

  private static Span.Builder span() {
    return Span.newBuilder().setName("GET /")
        .setTraceId(ByteString.copyFrom(HEX.parseHex("4bf92f3577b34da6a3ce929d0e0e4736")))
        .setSpanId(ByteString.copyFrom(HEX.parseHex("00f067aa0ba902b7")))
        .setStartTimeUnixNano(1_000);
  }

  private static TracesData traces(Span.Builder span) {
    return TracesData.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder().addSpans(span))).build();
  }

  private static KeyValue attribute(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  private static AnyValue string(String value) {
    return AnyValue.newBuilder().setStringValue(value).build();
  }

  @Test
  void readsTheCollectorsTracesDataWithDefaultsForWhatWasLeftOut() throws Exception {
    List<SpanData> spans = OtlpProtoSpans.toSpanData(traces(span()));

    assertThat(spans).singleElement().satisfies(span -> {
      assertThat(span.getKind()).as("unspecified kind").isEqualTo(SpanKind.INTERNAL);
      assertThat(span.getSpanContext().isSampled()).as("no flags: it was exported, so sampled").isTrue();
      assertThat(span.getParentSpanContext().isValid()).isFalse();
      assertThat(span.getEndEpochNanos()).as("no end time: zero length, never before the start").isEqualTo(1_000);
      assertThat(span.hasEnded()).isTrue();
    });
  }

  @Test
  void keepsValuesWithoutASpanDataTypeAsText() throws Exception {
    Span.Builder span = span()
        .addAttributes(attribute("mixed", AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder()
            .addValues(string("a")).addValues(AnyValue.newBuilder().setIntValue(1))).build()))
        .addAttributes(attribute("map", AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
            .addValues(attribute("k", string("v")))).build()))
        .addAttributes(attribute("bytes", AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(new byte[] {1, 2})).build()))
        .addAttributes(attribute("empty", AnyValue.getDefaultInstance()))
        .setDroppedAttributesCount(3);

    SpanData data = OtlpProtoSpans.toSpanData(traces(span)).get(0);

    assertThat(data.getAttributes().get(AttributeKey.stringArrayKey("mixed"))).containsExactly("a", "1");
    assertThat(data.getAttributes().get(AttributeKey.stringKey("map"))).isEqualTo("[k=v]");
    assertThat(data.getAttributes().get(AttributeKey.stringKey("bytes"))).isEqualTo("AQI=");
    assertThat(data.getAttributes().size()).as("an empty value has nothing to keep").isEqualTo(3);
    assertThat(data.getTotalAttributeCount()).as("what the sender dropped is counted").isEqualTo(6);
  }

  @Test
  void refusesWhatCannotBeReadNamingTheField() {
    assertThatThrownBy(() -> OtlpProtoSpans.toSpanData(traces(span().addAttributes(
            attribute("name", AnyValue.newBuilder().setStringValueStrindex(4).build())))))
        .isInstanceOf(OtlpFormatException.class)
        .hasMessage("resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value: a string table index, which traces do not have");
    assertThatThrownBy(() -> OtlpProtoSpans.toSpanData(traces(span().addAttributes(attribute("", string("x"))))))
        .hasMessage("resourceSpans[0].scopeSpans[0].spans[0].attributes[0].key: empty attribute key");
    assertThatThrownBy(() -> OtlpProtoSpans.toSpanData(traces(span().setTraceState("novalue"))))
        .hasMessage("resourceSpans[0].scopeSpans[0].spans[0].traceState: member \"novalue\" is not key=value");
    assertThatThrownBy(() -> OtlpProtoSpans.toSpanData(traces(span().addLinks(Span.Link.newBuilder()
            .setTraceId(ByteString.copyFrom(new byte[16])).setSpanId(ByteString.copyFrom(HEX.parseHex("00f067aa0ba902b7")))))))
        .hasMessage("resourceSpans[0].scopeSpans[0].spans[0].links[0].traceId: all zeros, which is an invalid id");
  }

  @Test
  void namesTheFieldByEveryIndexOnTheWayToIt() {
    ScopeSpans good = ScopeSpans.newBuilder().addSpans(span()).build();
    ScopeSpans bad = ScopeSpans.newBuilder().addSpans(span())
        .addSpans(span().addEvents(Span.Event.newBuilder().setName("e")).addEvents(Span.Event.newBuilder().setName("e")
            .addAttributes(attribute("", string("x")))))
        .build();
    TracesData data = TracesData.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(good))
        .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(good).addScopeSpans(bad))
        .build();

    assertThatThrownBy(() -> OtlpProtoSpans.toSpanData(data))
        .hasMessage("resourceSpans[1].scopeSpans[1].spans[1].events[1].attributes[0].key: empty attribute key");
    assertThatThrownBy(() -> OtlpProtoSpans.toSpanData(traces(span().setStatus(Status.newBuilder().setCodeValue(7)))))
        .hasMessage("resourceSpans[0].scopeSpans[0].spans[0].status.code: unknown status code 7");
  }
}
