package io.github.tracecheck.otlp;

import io.github.tracecheck.internal.Json;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.pii.Masking;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes captured spans as OTLP JSON - the protobuf JSON mapping of {@code ExportTraceServiceRequest}
 * that the Collector's file exporter writes and tracecheck's command line reads - grouped by
 * resource and instrumentation scope. String values are masked like every other report.
 */
public final class OtlpJsonWriter {

  private OtlpJsonWriter() {}

  public static String write(TraceForest forest) {
    Map<Resource, Map<InstrumentationScopeInfo, StringJoiner>> grouped = new LinkedHashMap<>();
    for (SpanNode node : forest.spans()) {
      SpanData span = node.data();
      grouped.computeIfAbsent(span.getResource(), r -> new LinkedHashMap<>())
          .computeIfAbsent(span.getInstrumentationScopeInfo(), s -> new StringJoiner(","))
          .add(span(span));
    }
    StringJoiner resources = new StringJoiner(",");
    for (Map.Entry<Resource, Map<InstrumentationScopeInfo, StringJoiner>> resource : grouped.entrySet()) {
      StringJoiner scopes = new StringJoiner(",");
      for (Map.Entry<InstrumentationScopeInfo, StringJoiner> scope : resource.getValue().entrySet()) {
        InstrumentationScopeInfo info = scope.getKey();
        scopes.add("{\"scope\":{\"name\":" + Json.string(info.getName())
            + (info.getVersion() == null ? "" : ",\"version\":" + Json.string(info.getVersion()))
            + "},\"spans\":[" + scope.getValue() + "]}");
      }
      resources.add("{\"resource\":{\"attributes\":" + attributes(resource.getKey().getAttributes())
          + "},\"scopeSpans\":[" + scopes + "]}");
    }
    return "{\"resourceSpans\":[" + resources + "]}";
  }

  private static String span(SpanData span) {
    StringBuilder out = new StringBuilder("{");
    out.append("\"traceId\":").append(Json.string(span.getTraceId()));
    out.append(",\"spanId\":").append(Json.string(span.getSpanId()));
    if (span.getParentSpanContext().isValid()) {
      out.append(",\"parentSpanId\":").append(Json.string(span.getParentSpanId()));
    }
    out.append(",\"name\":").append(Json.string(Masking.redact(span.getName())));
    out.append(",\"kind\":").append(span.getKind().ordinal() + 1);
    out.append(",\"startTimeUnixNano\":\"").append(span.getStartEpochNanos()).append('"');
    out.append(",\"endTimeUnixNano\":\"").append(span.getEndEpochNanos()).append('"');
    out.append(",\"attributes\":").append(attributes(span.getAttributes()));
    StringJoiner events = new StringJoiner(",");
    for (EventData event : span.getEvents()) {
      events.add("{\"timeUnixNano\":\"" + event.getEpochNanos() + "\",\"name\":" + Json.string(Masking.redact(event.getName()))
          + ",\"attributes\":" + attributes(event.getAttributes()) + "}");
    }
    out.append(",\"events\":[").append(events).append(']');
    StringJoiner links = new StringJoiner(",");
    for (LinkData link : span.getLinks()) {
      links.add("{\"traceId\":" + Json.string(link.getSpanContext().getTraceId()) + ",\"spanId\":"
          + Json.string(link.getSpanContext().getSpanId()) + ",\"attributes\":" + attributes(link.getAttributes()) + "}");
    }
    out.append(",\"links\":[").append(links).append(']');
    int code = span.getStatus().getStatusCode().ordinal(); // UNSET 0, OK 1, ERROR 2 as in OTLP
    out.append(",\"status\":{\"code\":").append(code == 0 ? 0 : code == 1 ? 1 : 2);
    if (!span.getStatus().getDescription().isEmpty()) {
      out.append(",\"message\":").append(Json.string(Masking.redact(span.getStatus().getDescription())));
    }
    return out.append("}}").toString();
  }

  static String attributes(Attributes attributes) {
    StringJoiner out = new StringJoiner(",", "[", "]");
    for (Map.Entry<AttributeKey<?>, Object> entry : attributes.asMap().entrySet()) {
      out.add("{\"key\":" + Json.string(entry.getKey().getKey()) + ",\"value\":" + value(entry.getValue()) + "}");
    }
    return out.toString();
  }

  private static String value(Object value) {
    if (value instanceof Boolean) {
      return "{\"boolValue\":" + value + "}";
    }
    if (value instanceof Long || value instanceof Integer) {
      return "{\"intValue\":\"" + value + "\"}";
    }
    if (value instanceof Double) {
      double d = (Double) value;
      return Double.isFinite(d) ? "{\"doubleValue\":" + d + "}" : "{\"stringValue\":" + Json.string(String.valueOf(d)) + "}";
    }
    if (value instanceof List) {
      StringJoiner values = new StringJoiner(",");
      for (Object element : (List<?>) value) {
        values.add(value(element));
      }
      return "{\"arrayValue\":{\"values\":[" + values + "]}}";
    }
    return "{\"stringValue\":" + Json.string(Masking.redact(String.valueOf(value))) + "}";
  }
}
