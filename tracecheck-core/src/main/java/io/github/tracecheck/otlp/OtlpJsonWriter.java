package io.github.tracecheck.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes captured spans as OTLP JSON - the protobuf JSON mapping of {@code ExportTraceServiceRequest}
 * that the Collector's file exporter writes and {@link OtlpJsonReader} reads - grouped by resource
 * and instrumentation scope, as one document on one line. Attribute keys and string values, span
 * and event names and status messages are masked like every other report.
 */
public final class OtlpJsonWriter {

  private static final JsonFactory FACTORY = new JsonFactory();

  private OtlpJsonWriter() {}

  /** The forest as one OTLP JSON document. */
  public static String write(TraceForest forest) {
    StringWriter out = new StringWriter();
    try {
      write(forest, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not throw
    }
    return out.toString();
  }

  /** Writes the forest as one OTLP JSON document to {@code out}, which it leaves open. */
  public static void write(TraceForest forest, Writer out) throws IOException {
    Map<Resource, Map<InstrumentationScopeInfo, List<SpanData>>> grouped = new LinkedHashMap<>();
    for (SpanNode node : forest.spans()) {
      SpanData span = node.data();
      grouped.computeIfAbsent(span.getResource(), r -> new LinkedHashMap<>())
          .computeIfAbsent(span.getInstrumentationScopeInfo(), s -> new ArrayList<>())
          .add(span);
    }
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeArrayFieldStart("resourceSpans");
      for (Map.Entry<Resource, Map<InstrumentationScopeInfo, List<SpanData>>> resource : grouped.entrySet()) {
        json.writeStartObject();
        json.writeObjectFieldStart("resource");
        attributes(json, resource.getKey().getAttributes());
        json.writeEndObject();
        json.writeArrayFieldStart("scopeSpans");
        for (Map.Entry<InstrumentationScopeInfo, List<SpanData>> scope : resource.getValue().entrySet()) {
          scopeSpans(json, scope.getKey(), scope.getValue());
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private static void scopeSpans(JsonGenerator json, InstrumentationScopeInfo scope, List<SpanData> spans)
      throws IOException {
    json.writeStartObject();
    json.writeObjectFieldStart("scope");
    json.writeStringField("name", scope.getName());
    if (scope.getVersion() != null) {
      json.writeStringField("version", scope.getVersion());
    }
    json.writeEndObject();
    json.writeArrayFieldStart("spans");
    for (SpanData span : spans) {
      span(json, span);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void span(JsonGenerator json, SpanData span) throws IOException {
    json.writeStartObject();
    json.writeStringField("traceId", span.getTraceId());
    json.writeStringField("spanId", span.getSpanId());
    if (span.getParentSpanContext().isValid()) {
      json.writeStringField("parentSpanId", span.getParentSpanId());
    }
    json.writeStringField("name", Masking.redact(span.getName()));
    json.writeNumberField("kind", span.getKind().ordinal() + 1); // INTERNAL 1 ... CONSUMER 5 as in OTLP
    json.writeStringField("startTimeUnixNano", Long.toString(span.getStartEpochNanos()));
    json.writeStringField("endTimeUnixNano", Long.toString(span.getEndEpochNanos()));
    attributes(json, span.getAttributes());
    json.writeArrayFieldStart("events");
    for (EventData event : span.getEvents()) {
      json.writeStartObject();
      json.writeStringField("timeUnixNano", Long.toString(event.getEpochNanos()));
      json.writeStringField("name", Masking.redact(event.getName()));
      attributes(json, event.getAttributes());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("links");
    for (LinkData link : span.getLinks()) {
      json.writeStartObject();
      json.writeStringField("traceId", link.getSpanContext().getTraceId());
      json.writeStringField("spanId", link.getSpanContext().getSpanId());
      attributes(json, link.getAttributes());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeObjectFieldStart("status");
    json.writeNumberField("code", span.getStatus().getStatusCode().ordinal()); // UNSET 0, OK 1, ERROR 2 as in OTLP
    if (!span.getStatus().getDescription().isEmpty()) {
      json.writeStringField("message", Masking.redact(span.getStatus().getDescription()));
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void attributes(JsonGenerator json, Attributes attributes) throws IOException {
    json.writeArrayFieldStart("attributes");
    for (Map.Entry<AttributeKey<?>, Object> entry : attributes.asMap().entrySet()) {
      json.writeStartObject();
      json.writeStringField("key", Masking.redact(entry.getKey().getKey()));
      json.writeFieldName("value");
      value(json, entry.getValue());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** An OTLP {@code AnyValue}: 64-bit integers as strings, NaN and the infinities as "NaN", "Infinity", "-Infinity". */
  private static void value(JsonGenerator json, Object value) throws IOException {
    json.writeStartObject();
    if (value instanceof Boolean) {
      json.writeBooleanField("boolValue", (Boolean) value);
    } else if (value instanceof Long || value instanceof Integer) {
      json.writeStringField("intValue", value.toString());
    } else if (value instanceof Double) {
      double d = (Double) value;
      if (Double.isFinite(d)) {
        json.writeNumberField("doubleValue", d);
      } else {
        json.writeStringField("doubleValue", Double.toString(d));
      }
    } else if (value instanceof List) {
      json.writeObjectFieldStart("arrayValue");
      json.writeArrayFieldStart("values");
      for (Object element : (List<?>) value) {
        value(json, element);
      }
      json.writeEndArray();
      json.writeEndObject();
    } else {
      json.writeStringField("stringValue", Masking.redact(String.valueOf(value)));
    }
    json.writeEndObject();
  }
}
