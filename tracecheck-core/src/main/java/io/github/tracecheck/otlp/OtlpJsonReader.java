package io.github.tracecheck.otlp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads OTLP JSON trace files — the protobuf JSON mapping of {@code ExportTraceServiceRequest}, as
 * the Collector's file exporter and {@code OtlpStdoutSpanExporter} write it — into {@link SpanData}
 * for {@code TraceForest.of}. A file holds one document or several (one per line).
 *
 * <p>Strict: anything that cannot be read as a span is an {@link OtlpFormatException} naming the
 * file, the line of the document and the field; nothing is skipped silently. Unknown fields are
 * ignored, as the protobuf JSON mapping allows.
 */
public final class OtlpJsonReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] KINDS = {
    "SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER", "SPAN_KIND_CLIENT",
    "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER"
  };
  private static final SpanKind[] SPAN_KINDS = {
    SpanKind.INTERNAL, SpanKind.INTERNAL, SpanKind.SERVER, SpanKind.CLIENT, SpanKind.PRODUCER, SpanKind.CONSUMER
  };
  private static final String[] STATUS_CODES = {"STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"};

  private OtlpJsonReader() {}

  /** Reads every span of the file. */
  public static List<SpanData> read(Path file) throws OtlpFormatException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString());
    } catch (IOException e) {
      throw new OtlpFormatException(file + ": cannot read the file: " + e.getMessage(), e);
    }
  }

  /**
   * Reads every span of the documents in {@code reader}.
   *
   * @param source the name used in error messages, e.g. the file name
   */
  public static List<SpanData> read(Reader reader, String source) throws OtlpFormatException {
    List<SpanData> spans = new ArrayList<>();
    int documents = 0;
    try (JsonParser parser = MAPPER.createParser(reader)) {
      while (true) {
        JsonToken token = parser.nextToken();
        if (token == null) {
          break;
        }
        JsonLocation start = parser.currentTokenLocation();
        JsonNode document = MAPPER.readTree(parser);
        documents++;
        new DocumentReader(source + ", document at line " + start.getLineNr()).read(document, spans);
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      // Jackson appends where an enclosing array started, with a "[Source: REDACTED ...]" note; the
      // position above already says where the input broke.
      String problem = e.getOriginalMessage().replaceAll("\\s*\\(for [^\\n]*$", "");
      throw new OtlpFormatException(source + ": not valid JSON" + where + ": " + problem, e);
    } catch (IOException e) {
      throw new OtlpFormatException(source + ": cannot read: " + e.getMessage(), e);
    }
    if (documents == 0) {
      throw new OtlpFormatException(source + ": contains no OTLP JSON document");
    }
    return spans;
  }

  /** Reads one document; every error names the field path inside it. */
  private static final class DocumentReader {
    private final String where;

    DocumentReader(String where) {
      this.where = where;
    }

    void read(JsonNode document, List<SpanData> out) throws OtlpFormatException {
      if (!document.isObject()) {
        throw error("", "expected an object with \"resourceSpans\", found " + document.getNodeType());
      }
      JsonNode resourceSpans = field(document, "resourceSpans", "resource_spans");
      if (resourceSpans == null) {
        throw error("", "has no \"resourceSpans\" array: not an OTLP JSON trace document");
      }
      List<JsonNode> resources = array(resourceSpans, "resourceSpans");
      for (int r = 0; r < resources.size(); r++) {
        String rPath = "resourceSpans[" + r + "]";
        JsonNode resourceNode = field(resources.get(r), "resource");
        Resource resource =
            Resource.create(
                resourceNode == null ? Attributes.empty() : attributes(field(resourceNode, "attributes"), rPath + ".resource.attributes"));
        List<JsonNode> scopes = array(field(resources.get(r), "scopeSpans", "scope_spans", "instrumentationLibrarySpans"), rPath + ".scopeSpans");
        for (int s = 0; s < scopes.size(); s++) {
          String sPath = rPath + ".scopeSpans[" + s + "]";
          InstrumentationScopeInfo scope = scope(field(scopes.get(s), "scope", "instrumentationLibrary"));
          List<JsonNode> spans = array(field(scopes.get(s), "spans"), sPath + ".spans");
          for (int i = 0; i < spans.size(); i++) {
            out.add(span(spans.get(i), sPath + ".spans[" + i + "]", resource, scope));
          }
        }
      }
    }

    private SpanData span(JsonNode span, String path, Resource resource, InstrumentationScopeInfo scope)
        throws OtlpFormatException {
      String traceId = id(span, path, "traceId", "trace_id", 32, true);
      String spanId = id(span, path, "spanId", "span_id", 16, true);
      String parentId = id(span, path, "parentSpanId", "parent_span_id", 16, false);
      JsonNode nameNode = field(span, "name");
      if (nameNode == null || !nameNode.isTextual()) {
        throw error(path + ".name", "is missing or not a string");
      }
      SpanContext parent =
          parentId == null
              ? SpanContext.getInvalid()
              : SpanContext.create(traceId, parentId, TraceFlags.getSampled(), TraceState.getDefault());
      List<EventData> events = new ArrayList<>();
      List<JsonNode> eventNodes = array(field(span, "events"), path + ".events");
      for (int e = 0; e < eventNodes.size(); e++) {
        String ePath = path + ".events[" + e + "]";
        JsonNode event = eventNodes.get(e);
        JsonNode eventName = field(event, "name");
        events.add(
            EventData.create(
                nanos(field(event, "timeUnixNano", "time_unix_nano"), ePath + ".timeUnixNano"),
                eventName == null ? "" : eventName.asText(),
                attributes(field(event, "attributes"), ePath + ".attributes")));
      }
      List<LinkData> links = new ArrayList<>();
      List<JsonNode> linkNodes = array(field(span, "links"), path + ".links");
      for (int l = 0; l < linkNodes.size(); l++) {
        String lPath = path + ".links[" + l + "]";
        JsonNode link = linkNodes.get(l);
        links.add(
            LinkData.create(
                SpanContext.create(
                    id(link, lPath, "traceId", "trace_id", 32, true),
                    id(link, lPath, "spanId", "span_id", 16, true),
                    TraceFlags.getSampled(),
                    TraceState.getDefault()),
                attributes(field(link, "attributes"), lPath + ".attributes")));
      }
      long start = nanos(field(span, "startTimeUnixNano", "start_time_unix_nano"), path + ".startTimeUnixNano");
      long end = nanos(field(span, "endTimeUnixNano", "end_time_unix_nano"), path + ".endTimeUnixNano");
      return new ImportedSpanData(
          nameNode.asText(),
          kind(field(span, "kind"), path + ".kind"),
          SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault()),
          parent,
          status(field(span, "status"), path + ".status"),
          start,
          end,
          attributes(field(span, "attributes"), path + ".attributes"),
          events,
          links,
          resource,
          scope);
    }

    private String id(JsonNode node, String path, String name, String altName, int length, boolean required)
        throws OtlpFormatException {
      JsonNode value = field(node, name, altName);
      if (value == null || (value.isTextual() && value.asText().isEmpty() && !required)) {
        if (required) {
          throw error(path + "." + name, "is missing");
        }
        return null;
      }
      String text = value.asText().toLowerCase(Locale.ROOT);
      boolean valid = length == 32 ? TraceId.isValid(text) : SpanId.isValid(text);
      if (!value.isTextual() || !valid) {
        throw error(
            path + "." + name,
            "'" + value.asText() + "' is not " + length + " hex digits (not all zero)");
      }
      return text;
    }

    private long nanos(JsonNode value, String path) throws OtlpFormatException {
      if (value == null) {
        throw error(path, "is missing");
      }
      try {
        return value.isNumber() ? value.longValue() : Long.parseLong(value.asText());
      } catch (NumberFormatException e) {
        throw error(path, "'" + value.asText() + "' is not a number of nanoseconds");
      }
    }

    private SpanKind kind(JsonNode value, String path) throws OtlpFormatException {
      if (value == null) {
        return SpanKind.INTERNAL;
      }
      int index = enumIndex(value, KINDS);
      if (index < 0) {
        throw error(path, "'" + value.asText() + "' is not a span kind (0-5 or SPAN_KIND_...)");
      }
      return SPAN_KINDS[index];
    }

    private StatusData status(JsonNode status, String path) throws OtlpFormatException {
      if (status == null) {
        return StatusData.unset();
      }
      JsonNode code = field(status, "code");
      JsonNode message = field(status, "message");
      int index = code == null ? 0 : enumIndex(code, STATUS_CODES);
      if (index < 0) {
        throw error(path + ".code", "'" + code.asText() + "' is not a status code (0-2 or STATUS_CODE_...)");
      }
      StatusCode statusCode = index == 2 ? StatusCode.ERROR : index == 1 ? StatusCode.OK : StatusCode.UNSET;
      return StatusData.create(statusCode, message == null ? "" : message.asText());
    }

    private static int enumIndex(JsonNode value, String[] names) {
      if (value.isInt()) {
        int n = value.intValue();
        return n >= 0 && n < names.length ? n : -1;
      }
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(value.asText())) {
          return i;
        }
      }
      return -1;
    }

    private Attributes attributes(JsonNode list, String path) throws OtlpFormatException {
      AttributesBuilder builder = Attributes.builder();
      List<JsonNode> entries = array(list, path);
      for (int i = 0; i < entries.size(); i++) {
        JsonNode entry = entries.get(i);
        JsonNode key = field(entry, "key");
        if (key == null || !key.isTextual()) {
          throw error(path + "[" + i + "].key", "is missing or not a string");
        }
        JsonNode value = field(entry, "value");
        if (value == null) {
          continue; // an attribute without a value carries nothing to check
        }
        put(builder, key.asText(), value, path + "[" + i + "].value");
      }
      return builder.build();
    }

    private void put(AttributesBuilder builder, String key, JsonNode value, String path) throws OtlpFormatException {
      if (value.has("stringValue")) {
        builder.put(key, value.get("stringValue").asText());
      } else if (value.has("boolValue")) {
        builder.put(key, value.get("boolValue").asBoolean());
      } else if (value.has("intValue")) {
        builder.put(key, nanos(value.get("intValue"), path + ".intValue"));
      } else if (value.has("doubleValue")) {
        builder.put(key, value.get("doubleValue").asDouble());
      } else if (value.has("arrayValue")) {
        List<String> strings = new ArrayList<>();
        for (JsonNode element : array(field(value.get("arrayValue"), "values"), path + ".arrayValue.values")) {
          strings.add(element.has("stringValue") ? element.get("stringValue").asText() : element.toString());
        }
        builder.put(AttributeKey.stringArrayKey(key), strings);
      } else {
        // kvlistValue, bytesValue: OpenTelemetry Java attributes cannot hold them; keep them readable.
        builder.put(key, value.toString());
      }
    }

    private InstrumentationScopeInfo scope(JsonNode scope) {
      if (scope == null || field(scope, "name") == null) {
        return InstrumentationScopeInfo.empty();
      }
      JsonNode version = field(scope, "version");
      return InstrumentationScopeInfo.builder(field(scope, "name").asText())
          .setVersion(version == null ? null : version.asText())
          .build();
    }

    private List<JsonNode> array(JsonNode node, String path) throws OtlpFormatException {
      List<JsonNode> elements = new ArrayList<>();
      if (node == null || node.isNull()) {
        return elements;
      }
      if (!node.isArray()) {
        throw error(path, "is not an array");
      }
      node.forEach(elements::add);
      return elements;
    }

    private static JsonNode field(JsonNode node, String... names) {
      for (String name : names) {
        JsonNode value = node.get(name);
        if (value != null && !value.isNull()) {
          return value;
        }
      }
      return null;
    }

    private OtlpFormatException error(String path, String problem) {
      return new OtlpFormatException(where + ": " + (path.isEmpty() ? "" : path + " ") + problem);
    }
  }
}
