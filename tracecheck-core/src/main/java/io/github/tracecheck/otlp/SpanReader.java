package io.github.tracecheck.otlp;

import com.fasterxml.jackson.core.JsonToken;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;

/**
 * Reads one OTLP span object - ids, name, kind, times, flags, attributes, events, links, status -
 * into {@link SpanFields}, checking each field as it comes and the required ones at the end.
 *
 * <p>A stream holds millions of spans: the span, event, link and status being read are kept in
 * fields of this reader, used again for each, and the cursor's callbacks are bound once, so that
 * reading a span makes little but what the span keeps. The {@link SpanFields} it returns is its
 * own, valid until the next span is read.
 */
final class SpanReader {

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
  private final SharedValues shared;
  private final AttributeListReader attributes;
  private final HexIds ids;
  private final JsonCursor.FieldReader readSpanField = this::spanField;
  private final JsonCursor.ElementReader readEvent = this::event;
  private final JsonCursor.FieldReader readEventField = this::eventField;
  private final JsonCursor.ElementReader readLink = this::link;
  private final JsonCursor.FieldReader readLinkField = this::linkField;
  private final JsonCursor.FieldReader readStatusField = this::statusField;

  private final SpanFields span = new SpanFields();
  /** The trace id of the span read before, and its characters, to be found again without being checked or made. */
  private String lastTraceId = "";
  private char[] lastTraceIdCharacters = {};

  /** The event being read. */
  private long eventTime;
  private String eventName;
  private Attributes eventAttributes;

  /** The link being read. */
  private String linkTraceId;
  private String linkSpanId;
  private long linkFlags;
  private Attributes linkAttributes;

  /** The status being read. */
  private StatusCode statusCode;
  private String statusMessage;

  /**
   * @param contexts the span contexts made recently, whose span ids are shared with the ids read
   */
  SpanReader(JsonCursor json, SharedValues shared, AttributeListReader attributes, RecentSpanContexts contexts) {
    this.json = json;
    this.shared = shared;
    this.attributes = attributes;
    this.ids = new HexIds(json, shared, contexts);
  }

  /** Reads the span the cursor is on into this reader's {@link SpanFields}, valid until the next call. */
  SpanFields read(JsonPath path) throws IOException, OtlpFormatException {
    long at = json.start();
    span.clear();
    json.object(path, readSpanField);
    required(span.traceId, path, "traceId", at);
    required(span.spanId, path, "spanId", at);
    if (span.name == null) {
      throw json.error(path.field("name"), "is missing or not a string", at);
    }
    requiredTime(span.start, path, "startTimeUnixNano", at);
    requiredTime(span.end, path, "endTimeUnixNano", at);
    if (span.end < span.start) {
      throw json.error(path, "ends before it starts: endTimeUnixNano " + span.end + " < startTimeUnixNano " + span.start, at);
    }
    return span;
  }

  private void spanField(String name, JsonPath field) throws IOException, OtlpFormatException {
    switch (name) {
      case "traceId" -> span.traceId = traceId(field);
      case "spanId" -> span.spanId = ids.read(field, 16, true);
      case "parentSpanId" -> span.parentSpanId = ids.read(field, 16, false);
      case "name" -> span.name = json.isString() ? json.text(field, shared) : null;
      case "kind" -> span.kind = kind(field);
      case "startTimeUnixNano" -> span.start = json.nanos(field);
      case "endTimeUnixNano" -> span.end = json.nanos(field);
      case "flags" -> span.flags = flags(field);
      case "attributes" -> span.attributes = attributes.read(field);
      case "events" -> json.array(field, readEvent);
      case "links" -> json.array(field, readLink);
      case "status" -> span.status = status(field);
      default -> {
        // traceState, dropped counts: nothing the rules read
      }
    }
  }

  /** OTLP's fixed32 flags: the W3C trace flags in bits 0-7, whether the parent (or link) is remote in bits 8-9. */
  private long flags(JsonPath path) throws IOException, OtlpFormatException {
    long flags = json.integer(path, "a 32-bit flags value");
    if (flags < 0 || flags > 0xFFFF_FFFFL) {
      throw json.error(path, flags + " is not a 32-bit flags value");
    }
    return flags;
  }

  private void required(String value, JsonPath object, String field, long objectStart) throws OtlpFormatException {
    required(value != null, object, field, objectStart);
  }

  private void requiredTime(long nanos, JsonPath object, String field, long objectStart) throws OtlpFormatException {
    required(nanos != SpanFields.NO_TIME, object, field, objectStart);
  }

  private void required(boolean present, JsonPath object, String field, long objectStart) throws OtlpFormatException {
    if (!present) {
      throw json.error(object.field(field), "is missing", objectStart);
    }
  }

  private void event(JsonPath path) throws IOException, OtlpFormatException {
    long at = json.start();
    eventTime = SpanFields.NO_TIME;
    eventName = "";
    eventAttributes = Attributes.empty();
    json.object(path, readEventField);
    requiredTime(eventTime, path, "timeUnixNano", at);
    span.events.add(EventData.create(eventTime, eventName, eventAttributes));
  }

  private void eventField(String name, JsonPath field) throws IOException, OtlpFormatException {
    switch (name) {
      case "timeUnixNano" -> eventTime = json.nanos(field);
      case "name" -> eventName = json.text(field, shared);
      case "attributes" -> eventAttributes = attributes.read(field);
      default -> {
        // dropped counts
      }
    }
  }

  private void link(JsonPath path) throws IOException, OtlpFormatException {
    long at = json.start();
    linkTraceId = null;
    linkSpanId = null;
    linkFlags = SpanFlags.NONE;
    linkAttributes = Attributes.empty();
    json.object(path, readLinkField);
    required(linkTraceId, path, "traceId", at);
    required(linkSpanId, path, "spanId", at);
    span.links.add(LinkData.create(SpanFlags.context(linkTraceId, linkSpanId, linkFlags, true), linkAttributes));
  }

  private void linkField(String name, JsonPath field) throws IOException, OtlpFormatException {
    switch (name) {
      case "traceId" -> linkTraceId = ids.read(field, 32, true);
      case "spanId" -> linkSpanId = ids.read(field, 16, true);
      case "attributes" -> linkAttributes = attributes.read(field);
      case "flags" -> linkFlags = flags(field);
      default -> {
        // traceState, dropped counts
      }
    }
  }

  /**
   * The previous span's trace id when the text is the same: the spans of a trace, written together,
   * hold one string, and the text repeated is neither checked nor made into a string again.
   */
  private String traceId(JsonPath field) throws IOException, OtlpFormatException {
    if (json.isText(lastTraceIdCharacters)) {
      return lastTraceId;
    }
    String traceId = ids.read(field, 32, true);
    if (!traceId.equals(lastTraceId)) { // the same id in upper case
      lastTraceId = traceId;
      lastTraceIdCharacters = traceId.toCharArray();
    }
    return lastTraceId;
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
    statusCode = StatusCode.UNSET;
    statusMessage = "";
    json.object(path, readStatusField);
    return StatusData.create(statusCode, statusMessage);
  }

  private void statusField(String name, JsonPath field) throws IOException, OtlpFormatException {
    if (name.equals("code")) {
      int index = json.enumIndex(STATUS_CODES);
      if (index < 0) {
        throw json.error(field, "'" + json.text(field) + "' is not a status code (0, 1, 2 or STATUS_CODE_UNSET, STATUS_CODE_OK, STATUS_CODE_ERROR)");
      }
      statusCode = STATUSES[index];
    } else if (name.equals("message")) {
      statusMessage = json.text(field, shared);
    }
  }
}
