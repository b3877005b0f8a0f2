package io.github.tracecheck.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.proto.trace.v1.TracesData;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Converts OTLP protobuf trace messages - an export request as OTLP/HTTP and OTLP/gRPC carry it, or
 * {@code TracesData} as the Collector's file exporter writes with {@code format: proto} - into the
 * SDK's {@link SpanData}, for {@code TraceForest.of} and the capture.
 *
 * <p>Strict, like the OTLP JSON reader: a span that cannot be read (a trace id that is not 16 bytes,
 * an unknown kind, an end before its start...) is an {@link OtlpFormatException} naming the field by
 * its path, e.g. {@code resourceSpans[0].scopeSpans[1].spans[2].traceId}; nothing is skipped. Span
 * flags are honoured: the low byte is the trace flags (absent means sampled: the span was exported),
 * and bits 8 and 9 say whether the parent was remote.
 *
 * <p>Field paths are built only for a field that is wrong: building them for every span cost more
 * than the rest of the conversion.
 */
public final class OtlpProtoSpans {

  // OTLP's SpanFlags: bit 8 says whether bit 9 (the parent is remote) is known.
  private static final int HAS_IS_REMOTE = 0x100;
  private static final int IS_REMOTE = 0x200;
  private static final int TRACE_FLAGS = 0xff;
  private static final SpanKind[] KINDS = {
    SpanKind.INTERNAL, SpanKind.INTERNAL, SpanKind.SERVER, SpanKind.CLIENT, SpanKind.PRODUCER, SpanKind.CONSUMER
  };
  private static final HexFormat HEX = HexFormat.of();

  private OtlpProtoSpans() {}

  /** The spans of an export request (OTLP/HTTP protobuf, OTLP/gRPC). */
  public static List<SpanData> toSpanData(ExportTraceServiceRequest request) throws OtlpFormatException {
    return toSpanData(request.getResourceSpansList());
  }

  /** The spans of a {@code TracesData} message (the Collector's {@code format: proto} files). */
  public static List<SpanData> toSpanData(TracesData data) throws OtlpFormatException {
    return toSpanData(data.getResourceSpansList());
  }

  private static List<SpanData> toSpanData(List<ResourceSpans> resourceSpansList) throws OtlpFormatException {
    List<SpanData> spans = new ArrayList<>();
    for (int r = 0; r < resourceSpansList.size(); r++) {
      ResourceSpans resourceSpans = resourceSpansList.get(r);
      int resourceIndex = r;
      Resource resource = resourceSpans.getResource();
      io.opentelemetry.sdk.resources.Resource sdkResource =
          io.opentelemetry.sdk.resources.Resource.create(
              attributes(resource.getAttributesList(), () -> "resourceSpans[" + resourceIndex + "].resource.attributes"),
              emptyToNull(resourceSpans.getSchemaUrl()));
      for (int s = 0; s < resourceSpans.getScopeSpansCount(); s++) {
        ScopeSpans scopeSpans = resourceSpans.getScopeSpans(s);
        int scopeIndex = s;
        Supplier<String> scopePath = () -> "resourceSpans[" + resourceIndex + "].scopeSpans[" + scopeIndex + "]";
        InstrumentationScopeInfo scope = scope(scopeSpans, scopePath);
        for (int i = 0; i < scopeSpans.getSpansCount(); i++) {
          int spanIndex = i;
          spans.add(span(scopeSpans.getSpans(i), () -> scopePath.get() + ".spans[" + spanIndex + "]", sdkResource, scope));
        }
      }
    }
    return spans;
  }

  private static InstrumentationScopeInfo scope(ScopeSpans scopeSpans, Supplier<String> path) throws OtlpFormatException {
    InstrumentationScope scope = scopeSpans.getScope();
    return InstrumentationScopeInfo.builder(scope.getName())
        .setVersion(emptyToNull(scope.getVersion()))
        .setSchemaUrl(emptyToNull(scopeSpans.getSchemaUrl()))
        .setAttributes(attributes(scope.getAttributesList(), () -> path.get() + ".scope.attributes"))
        .build();
  }

  private static SpanData span(
      Span span, Supplier<String> path, io.opentelemetry.sdk.resources.Resource resource, InstrumentationScopeInfo scope)
      throws OtlpFormatException {
    String traceId = id(span.getTraceId(), 16, path, ".traceId");
    String spanId = id(span.getSpanId(), 8, path, ".spanId");
    int flags = span.getFlags();
    // An exporter sends what was sampled; senders that leave the flags out (0) mean no more than that.
    TraceFlags traceFlags = (flags & TRACE_FLAGS) == 0 ? TraceFlags.getSampled() : TraceFlags.fromByte((byte) (flags & TRACE_FLAGS));
    TraceState traceState = traceState(span.getTraceState(), path, ".traceState");
    SpanContext context = SpanContext.create(traceId, spanId, traceFlags, traceState);
    SpanContext parent = SpanContext.getInvalid();
    if (!span.getParentSpanId().isEmpty()) {
      String parentId = id(span.getParentSpanId(), 8, path, ".parentSpanId");
      boolean remote = (flags & (HAS_IS_REMOTE | IS_REMOTE)) == (HAS_IS_REMOTE | IS_REMOTE);
      parent = remote
          ? SpanContext.createFromRemoteParent(traceId, parentId, traceFlags, TraceState.getDefault())
          : SpanContext.create(traceId, parentId, traceFlags, TraceState.getDefault());
    }
    int kind = span.getKindValue();
    if (kind < 0 || kind >= KINDS.length) {
      throw new OtlpFormatException(path.get() + ".kind: unknown span kind " + kind);
    }
    long start = span.getStartTimeUnixNano();
    long end = span.getEndTimeUnixNano();
    if (end != 0 && Long.compareUnsigned(end, start) < 0) {
      throw new OtlpFormatException(path.get() + ": endTimeUnixNano " + Long.toUnsignedString(end)
          + " is before startTimeUnixNano " + Long.toUnsignedString(start));
    }
    Attributes attributes = attributes(span.getAttributesList(), () -> path.get() + ".attributes");
    return new ImportedSpanData(
        span.getName(),
        KINDS[kind],
        context,
        parent,
        status(span.getStatus(), path),
        start,
        end == 0 ? start : end,
        attributes,
        attributes.size() + span.getDroppedAttributesCount(),
        events(span, path),
        span.getEventsCount() + span.getDroppedEventsCount(),
        links(span, path),
        span.getLinksCount() + span.getDroppedLinksCount(),
        resource,
        scope);
  }

  private static List<EventData> events(Span span, Supplier<String> path) throws OtlpFormatException {
    if (span.getEventsCount() == 0) {
      return List.of();
    }
    List<EventData> events = new ArrayList<>(span.getEventsCount());
    for (int e = 0; e < span.getEventsCount(); e++) {
      Span.Event event = span.getEvents(e);
      int index = e;
      Attributes attributes = attributes(event.getAttributesList(), () -> path.get() + ".events[" + index + "].attributes");
      events.add(EventData.create(event.getTimeUnixNano(), event.getName(), attributes,
          attributes.size() + event.getDroppedAttributesCount()));
    }
    return events;
  }

  private static List<LinkData> links(Span span, Supplier<String> path) throws OtlpFormatException {
    if (span.getLinksCount() == 0) {
      return List.of();
    }
    List<LinkData> links = new ArrayList<>(span.getLinksCount());
    for (int l = 0; l < span.getLinksCount(); l++) {
      Span.Link link = span.getLinks(l);
      int index = l;
      Supplier<String> linkPath = () -> path.get() + ".links[" + index + "]";
      String traceId = id(link.getTraceId(), 16, linkPath, ".traceId");
      String spanId = id(link.getSpanId(), 8, linkPath, ".spanId");
      int flags = link.getFlags() & TRACE_FLAGS;
      SpanContext context = SpanContext.createFromRemoteParent(
          traceId, spanId, flags == 0 ? TraceFlags.getSampled() : TraceFlags.fromByte((byte) flags),
          traceState(link.getTraceState(), linkPath, ".traceState"));
      Attributes attributes = attributes(link.getAttributesList(), () -> linkPath.get() + ".attributes");
      links.add(LinkData.create(context, attributes, attributes.size() + link.getDroppedAttributesCount()));
    }
    return links;
  }

  private static StatusData status(Status status, Supplier<String> spanPath) throws OtlpFormatException {
    StatusCode code = switch (status.getCodeValue()) {
      case Status.StatusCode.STATUS_CODE_UNSET_VALUE -> StatusCode.UNSET;
      case Status.StatusCode.STATUS_CODE_OK_VALUE -> StatusCode.OK;
      case Status.StatusCode.STATUS_CODE_ERROR_VALUE -> StatusCode.ERROR;
      default -> throw new OtlpFormatException(spanPath.get() + ".status.code: unknown status code " + status.getCodeValue());
    };
    return StatusData.create(code, status.getMessage());
  }

  private static String id(ByteString bytes, int length, Supplier<String> path, String field) throws OtlpFormatException {
    if (bytes.size() != length) {
      throw new OtlpFormatException(path.get() + field + ": " + bytes.size() + " bytes, expected " + length);
    }
    byte[] id = bytes.toByteArray();
    if (allZeros(id)) {
      throw new OtlpFormatException(path.get() + field + ": all zeros, which is an invalid id");
    }
    return HEX.formatHex(id);
  }

  private static boolean allZeros(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** W3C tracestate: comma-separated {@code key=value} members; an empty one is no state. */
  private static TraceState traceState(String value, Supplier<String> path, String field) throws OtlpFormatException {
    if (value.isBlank()) {
      return TraceState.getDefault();
    }
    TraceStateBuilder builder = TraceState.builder();
    for (String member : value.split(",")) {
      String trimmed = member.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals <= 0) {
        throw new OtlpFormatException(path.get() + field + ": member \"" + trimmed + "\" is not key=value");
      }
      builder.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
    }
    return builder.build();
  }

  private static Attributes attributes(List<KeyValue> keyValues, Supplier<String> path) throws OtlpFormatException {
    if (keyValues.isEmpty()) {
      return Attributes.empty();
    }
    AttributesBuilder builder = Attributes.builder();
    for (int i = 0; i < keyValues.size(); i++) {
      KeyValue keyValue = keyValues.get(i);
      if (keyValue.getKey().isEmpty()) {
        throw new OtlpFormatException(path.get() + "[" + i + "].key: empty attribute key");
      }
      if (keyValue.getValue().getValueCase() == AnyValue.ValueCase.STRING_VALUE_STRINDEX) {
        // Profiles' string-table indexes: traces have no string table to look them up in.
        throw new OtlpFormatException(path.get() + "[" + i + "].value: a string table index, which traces do not have");
      }
      put(builder, keyValue.getKey(), keyValue.getValue());
    }
    return builder.build();
  }

  private static void put(AttributesBuilder builder, String key, AnyValue value) {
    switch (value.getValueCase()) {
      case STRING_VALUE -> builder.put(key, value.getStringValue());
      case BOOL_VALUE -> builder.put(key, value.getBoolValue());
      case INT_VALUE -> builder.put(key, value.getIntValue());
      case DOUBLE_VALUE -> builder.put(key, value.getDoubleValue());
      case ARRAY_VALUE -> putArray(builder, key, value.getArrayValue().getValuesList());
      case BYTES_VALUE -> builder.put(key, java.util.Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray()));
      // A map has no SpanData attribute type: keep what it says, readable, rather than drop it.
      case KVLIST_VALUE -> builder.put(key, value.getKvlistValue().getValuesList().stream()
          .map(kv -> kv.getKey() + "=" + text(kv.getValue())).toList().toString());
      case STRING_VALUE_STRINDEX, VALUE_NOT_SET -> { } // no value to keep (the index is refused above)
    }
  }

  private static void putArray(AttributesBuilder builder, String key, List<AnyValue> values) {
    AnyValue.ValueCase common = values.isEmpty() ? AnyValue.ValueCase.STRING_VALUE : values.get(0).getValueCase();
    if (!values.stream().allMatch(v -> v.getValueCase() == common)) {
      builder.put(AttributeKey.stringArrayKey(key), values.stream().map(OtlpProtoSpans::text).toList());
      return;
    }
    switch (common) {
      case BOOL_VALUE -> builder.put(AttributeKey.booleanArrayKey(key), values.stream().map(AnyValue::getBoolValue).toList());
      case INT_VALUE -> builder.put(AttributeKey.longArrayKey(key), values.stream().map(AnyValue::getIntValue).toList());
      case DOUBLE_VALUE -> builder.put(AttributeKey.doubleArrayKey(key), values.stream().map(AnyValue::getDoubleValue).toList());
      default -> builder.put(AttributeKey.stringArrayKey(key), values.stream().map(OtlpProtoSpans::text).toList());
    }
  }

  /** A value as text, for the places where SpanData has no matching type. */
  private static String text(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case INT_VALUE -> Long.toString(value.getIntValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(OtlpProtoSpans::text).toList().toString();
      case KVLIST_VALUE -> value.getKvlistValue().getValuesList().stream()
          .map(kv -> kv.getKey() + "=" + text(kv.getValue())).toList().toString();
      case BYTES_VALUE -> java.util.Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
      case STRING_VALUE_STRINDEX -> "(string table index " + value.getStringValueStrindex() + ")";
      case VALUE_NOT_SET -> "";
    };
  }

  private static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
