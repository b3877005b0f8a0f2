package io.github.tracecheck.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.semconv.ThreadAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
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
 *
 * <p>What the rules need survives the file: the span and link {@code flags} say whether a parent or
 * linked context was remote, and the thread the capture saw a span start on is written as the
 * {@code thread.name} and {@code thread.id} attributes (as the OpenTelemetry Java agent records
 * them) when the span lacks them.
 */
public final class OtlpJsonWriter {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final AttributeKey<String> THREAD_NAME = AttributeKey.stringKey(ThreadAttributes.THREAD_NAME);
  private static final AttributeKey<Long> THREAD_ID = AttributeKey.longKey(ThreadAttributes.THREAD_ID);

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
    Map<Resource, Map<InstrumentationScopeInfo, List<SpanNode>>> grouped = new LinkedHashMap<>();
    for (SpanNode node : forest.spans()) {
      SpanData span = node.data();
      grouped.computeIfAbsent(span.getResource(), r -> new LinkedHashMap<>())
          .computeIfAbsent(span.getInstrumentationScopeInfo(), s -> new ArrayList<>())
          .add(node);
    }
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeArrayFieldStart("resourceSpans");
      for (Map.Entry<Resource, Map<InstrumentationScopeInfo, List<SpanNode>>> resource : grouped.entrySet()) {
        json.writeStartObject();
        json.writeObjectFieldStart("resource");
        attributes(json, resource.getKey().getAttributes());
        json.writeEndObject();
        json.writeArrayFieldStart("scopeSpans");
        for (Map.Entry<InstrumentationScopeInfo, List<SpanNode>> scope : resource.getValue().entrySet()) {
          scopeSpans(json, forest, scope.getKey(), scope.getValue());
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private static void scopeSpans(
      JsonGenerator json, TraceForest forest, InstrumentationScopeInfo scope, List<SpanNode> spans) throws IOException {
    json.writeStartObject();
    json.writeObjectFieldStart("scope");
    json.writeStringField("name", scope.getName());
    if (scope.getVersion() != null) {
      json.writeStringField("version", scope.getVersion());
    }
    json.writeEndObject();
    json.writeArrayFieldStart("spans");
    for (SpanNode span : spans) {
      span(json, span.data(), forest.startOf(span).orElse(null));
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** One span; {@code start} is what the capture saw when it started (its thread), null when unknown. */
  private static void span(JsonGenerator json, SpanData span, SpanStart start) throws IOException {
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
    json.writeNumberField("flags", SpanFlags.of(span.getSpanContext().getTraceFlags(), span.getParentSpanContext().isRemote()));
    attributes(json, withThread(span.getAttributes(), start));
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
      json.writeNumberField("flags", SpanFlags.of(link.getSpanContext().getTraceFlags(), link.getSpanContext().isRemote()));
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

  /** The span's attributes with the thread the capture saw, unless the span records its own. */
  private static Attributes withThread(Attributes attributes, SpanStart start) {
    if (start == null || attributes.get(THREAD_NAME) != null) {
      return attributes;
    }
    AttributesBuilder builder = attributes.toBuilder().put(THREAD_NAME, start.threadName());
    if (start.threadId() != SpanStart.UNKNOWN_THREAD_ID && attributes.get(THREAD_ID) == null) {
      builder.put(THREAD_ID, start.threadId());
    }
    return builder.build();
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
