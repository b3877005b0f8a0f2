package io.github.tracecheck.otlp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads one {@code ExportTraceServiceRequest} document - resource spans, scope spans, spans with
 * their events, links and status - from the cursor, in the order its fields come: a span is
 * completed with its resource and scope once both have been read, wherever they stand.
 */
final class TraceDocumentReader {

  private static final String[] KINDS = {
    "SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER", "SPAN_KIND_CLIENT",
    "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER"
  };
  private static final SpanKind[] SPAN_KINDS = {
    SpanKind.INTERNAL, SpanKind.INTERNAL, SpanKind.SERVER, SpanKind.CLIENT, SpanKind.PRODUCER, SpanKind.CONSUMER
  };
  private static final String[] STATUS_CODES = {"STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"};
  private static final StatusCode[] STATUSES = {StatusCode.UNSET, StatusCode.OK, StatusCode.ERROR};

  private final JsonCursor json;
  private final AttributeListReader attributes;

  private final SharedValues shared;
  private String lastTraceId = "";

  /** @param shared the keys, resources and scopes shared by the documents of one stream */
  TraceDocumentReader(JsonCursor json, SharedValues shared) {
    this.json = json;
    this.shared = shared;
    this.attributes = new AttributeListReader(json, shared);
  }

  /** Reads the document the cursor is on and hands each of its spans to {@code out}, in order. */
  void read(Consumer<SpanData> out) throws IOException, OtlpFormatException {
    if (json.token() != JsonToken.START_OBJECT) {
      throw json.error(JsonPath.ROOT, "expected an object with \"resourceSpans\", found " + json.kindOfValue());
    }
    JsonLocation start = json.location();
    boolean[] found = new boolean[1];
    json.object(JsonPath.ROOT, (name, path) -> {
      if (name.equals("resourceSpans")) {
        found[0] = true;
        json.array(path, element -> resourceSpans(element, out));
      }
    });
    if (!found[0]) {
      throw json.error(JsonPath.ROOT, "has no \"resourceSpans\" array: not an OTLP JSON trace document", start);
    }
  }

  /**
   * Spans are handed on as soon as their resource and scope are known - at once when those come
   * first, as every exporter writes them - so that a large document is not held; spans that come
   * before them wait.
   */
  private void resourceSpans(JsonPath path, Consumer<SpanData> out) throws IOException, OtlpFormatException {
    Resource[] resource = {null};
    List<ScopeSpans> waiting = new ArrayList<>();
    json.object(path, (name, field) -> {
      if (name.equals("resource")) {
        Attributes[] read = {Attributes.empty()};
        json.object(field, (n, f) -> {
          if (n.equals("attributes")) {
            read[0] = attributes.read(f);
          }
        });
        resource[0] = shared.resource(Resource.create(read[0]));
        for (ScopeSpans scope : waiting) {
          scope.handOn(resource[0], out);
        }
        waiting.clear();
      } else if (name.equals("scopeSpans")) {
        json.array(field, element -> {
          ScopeSpans scope = scopeSpans(element, resource[0], out);
          if (resource[0] == null) {
            waiting.add(scope);
          }
        });
      }
    });
    for (ScopeSpans scope : waiting) {
      scope.handOn(Resource.create(Attributes.empty()), out);
    }
  }

  /** The spans of one instrumentation scope that wait for their scope or resource. */
  private static final class ScopeSpans {
    InstrumentationScopeInfo scope;
    final List<SpanFields> waiting = new ArrayList<>();

    void handOn(Resource resource, Consumer<SpanData> out) {
      for (SpanFields span : waiting) {
        out.accept(span.toSpanData(resource, scope));
      }
      waiting.clear();
    }
  }

  /** Reads one scopeSpans; with {@code resource} known, its spans are handed on, else kept in the result. */
  private ScopeSpans scopeSpans(JsonPath path, Resource resource, Consumer<SpanData> out)
      throws IOException, OtlpFormatException {
    ScopeSpans scopeSpans = new ScopeSpans();
    json.object(path, (name, field) -> {
      if (name.equals("scope")) {
        scopeSpans.scope = scope(field);
      } else if (name.equals("spans")) {
        json.array(field, element -> {
          SpanFields span = span(element);
          if (resource != null && scopeSpans.scope != null) {
            out.accept(span.toSpanData(resource, scopeSpans.scope));
          } else {
            scopeSpans.waiting.add(span);
          }
        });
      }
    });
    if (scopeSpans.scope == null) {
      scopeSpans.scope = InstrumentationScopeInfo.empty();
    }
    if (resource != null) {
      scopeSpans.handOn(resource, out);
    }
    return scopeSpans;
  }

  private InstrumentationScopeInfo scope(JsonPath path) throws IOException, OtlpFormatException {
    String[] nameAndVersion = new String[2];
    json.object(path, (name, field) -> {
      if (name.equals("name")) {
        nameAndVersion[0] = json.text(field);
      } else if (name.equals("version")) {
        nameAndVersion[1] = json.text(field);
      }
    });
    return nameAndVersion[0] == null
        ? InstrumentationScopeInfo.empty()
        : shared.scope(InstrumentationScopeInfo.builder(nameAndVersion[0]).setVersion(nameAndVersion[1]).build());
  }

  /** A span as read, before its resource and scope are known. */
  private static final class SpanFields {
    String traceId;
    String spanId;
    String parentSpanId;
    String name;
    SpanKind kind = SpanKind.INTERNAL;
    StatusData status = StatusData.unset();
    Long start;
    Long end;
    Long flags;
    Attributes attributes = Attributes.empty();
    final List<EventData> events = new ArrayList<>();
    final List<LinkData> links = new ArrayList<>();

    SpanData toSpanData(Resource resource, InstrumentationScopeInfo scope) {
      SpanContext parent =
          parentSpanId == null ? SpanContext.getInvalid() : SpanFlags.context(traceId, parentSpanId, flags, true);
      return new ImportedSpanData(
          name, kind, SpanFlags.context(traceId, spanId, flags, false), parent, status, start, end, attributes,
          attributes.size(), events, events.size(), links, links.size(), resource, scope);
    }
  }

  private SpanFields span(JsonPath path) throws IOException, OtlpFormatException {
    JsonLocation at = json.location();
    SpanFields span = new SpanFields();
    json.object(path, (name, field) -> {
      switch (name) {
        case "traceId" -> span.traceId = sameAsLastTraceId(id(field, 32, true));
        case "spanId" -> span.spanId = id(field, 16, true);
        case "parentSpanId" -> span.parentSpanId = id(field, 16, false);
        case "name" -> span.name = json.isString() ? json.text(field, shared) : null;
        case "kind" -> span.kind = kind(field);
        case "startTimeUnixNano" -> span.start = json.nanos(field);
        case "endTimeUnixNano" -> span.end = json.nanos(field);
        case "flags" -> span.flags = flags(field);
        case "attributes" -> span.attributes = attributes.read(field);
        case "events" -> json.array(field, element -> span.events.add(event(element)));
        case "links" -> json.array(field, element -> span.links.add(link(element)));
        case "status" -> span.status = status(field);
        default -> {
          // traceState, dropped counts: nothing the rules read
        }
      }
    });
    required(span.traceId, path.field("traceId"), at);
    required(span.spanId, path.field("spanId"), at);
    if (span.name == null) {
      throw json.error(path.field("name"), "is missing or not a string", at);
    }
    required(span.start, path.field("startTimeUnixNano"), at);
    required(span.end, path.field("endTimeUnixNano"), at);
    if (span.end < span.start) {
      throw json.error(path, "ends before it starts: endTimeUnixNano " + span.end + " < startTimeUnixNano " + span.start, at);
    }
    return span;
  }

  /** OTLP's fixed32 flags: the W3C trace flags in bits 0-7, whether the parent (or link) is remote in bits 8-9. */
  private long flags(JsonPath path) throws IOException, OtlpFormatException {
    long flags = json.integer(path, "a 32-bit flags value");
    if (flags < 0 || flags > 0xFFFF_FFFFL) {
      throw json.error(path, flags + " is not a 32-bit flags value");
    }
    return flags;
  }

  private void required(Object value, JsonPath path, JsonLocation objectStart) throws OtlpFormatException {
    if (value == null) {
      throw json.error(path, "is missing", objectStart);
    }
  }

  private EventData event(JsonPath path) throws IOException, OtlpFormatException {
    JsonLocation at = json.location();
    Long[] time = new Long[1];
    String[] name = {""};
    Attributes[] eventAttributes = {Attributes.empty()};
    json.object(path, (n, field) -> {
      switch (n) {
        case "timeUnixNano" -> time[0] = json.nanos(field);
        case "name" -> name[0] = json.text(field, shared);
        case "attributes" -> eventAttributes[0] = attributes.read(field);
        default -> {
          // dropped counts
        }
      }
    });
    required(time[0], path.field("timeUnixNano"), at);
    return EventData.create(time[0], name[0], eventAttributes[0]);
  }

  private LinkData link(JsonPath path) throws IOException, OtlpFormatException {
    JsonLocation at = json.location();
    String[] ids = new String[2];
    Long[] flags = new Long[1];
    Attributes[] linkAttributes = {Attributes.empty()};
    json.object(path, (name, field) -> {
      switch (name) {
        case "traceId" -> ids[0] = id(field, 32, true);
        case "spanId" -> ids[1] = id(field, 16, true);
        case "attributes" -> linkAttributes[0] = attributes.read(field);
        case "flags" -> flags[0] = flags(field);
        default -> {
          // traceState, dropped counts
        }
      }
    });
    required(ids[0], path.field("traceId"), at);
    required(ids[1], path.field("spanId"), at);
    return LinkData.create(SpanFlags.context(ids[0], ids[1], flags[0], true), linkAttributes[0]);
  }

  /** The previous span's trace id when equal: the spans of a trace, written together, hold one string. */
  private String sameAsLastTraceId(String traceId) {
    if (!traceId.equals(lastTraceId)) {
      lastTraceId = traceId;
    }
    return lastTraceId;
  }

  /** Lower-case hex, as OTLP JSON writes ids; an optional id may be "" for none (null). */
  private String id(JsonPath path, int length, boolean required) throws IOException, OtlpFormatException {
    String text = json.text(path, shared);
    if (text.isEmpty() && !required) {
      return null;
    }
    String id = text.toLowerCase(Locale.ROOT);
    boolean valid = length == 32 ? TraceId.isValid(id) : SpanId.isValid(id);
    if (!json.isString() || !valid) {
      throw json.error(path, "'" + text + "' is not " + length + " hex digits (not all zero)");
    }
    return id;
  }

  private SpanKind kind(JsonPath path) throws IOException, OtlpFormatException {
    int index = json.enumIndex(KINDS);
    if (index < 0) {
      throw json.error(path, "'" + json.text(path) + "' is not a span kind (0-5 or SPAN_KIND_...)");
    }
    return SPAN_KINDS[index];
  }

  private StatusData status(JsonPath path) throws IOException, OtlpFormatException {
    if (json.token() != JsonToken.START_OBJECT) {
      // a bare "ERROR" must not pass as UNSET: the status is an object with an enum code
      throw json.error(path, "is a " + json.kindOfValue() + ", not an object such as {\"code\": \"STATUS_CODE_ERROR\"}");
    }
    StatusCode[] code = {StatusCode.UNSET};
    String[] message = {""};
    json.object(path, (name, field) -> {
      if (name.equals("code")) {
        int index = json.enumIndex(STATUS_CODES);
        if (index < 0) {
          throw json.error(field, "'" + json.text(field) + "' is not a status code (0, 1, 2 or STATUS_CODE_UNSET, STATUS_CODE_OK, STATUS_CODE_ERROR)");
        }
        code[0] = STATUSES[index];
      } else if (name.equals("message")) {
        message[0] = json.text(field, shared);
      }
    });
    return StatusData.create(code[0], message[0]);
  }
}
