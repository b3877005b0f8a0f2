package io.github.tracecheck.otlp;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.List;

/**
 * A span as read ({@link SpanReader}), before its resource and scope are known. The times and flags
 * are held unboxed, with {@link #NO_TIME} and {@link SpanFlags#NONE} for absent ones (a time read is
 * never negative, flags never exceed 32 bits unsigned).
 */
final class SpanFields {

  static final long NO_TIME = -1;

  String traceId;
  String spanId;
  String parentSpanId;
  String name;
  SpanKind kind;
  StatusData status;
  long start;
  long end;
  long flags;
  Attributes attributes;
  final List<EventData> events = new ArrayList<>();
  final List<LinkData> links = new ArrayList<>();

  SpanFields() {
    clear();
  }

  /** Back to a span of no fields read, to be read again. */
  void clear() {
    traceId = null;
    spanId = null;
    parentSpanId = null;
    name = null;
    kind = SpanKind.INTERNAL;
    status = StatusData.unset();
    start = NO_TIME;
    end = NO_TIME;
    flags = SpanFlags.NONE;
    attributes = Attributes.empty();
    events.clear();
    links.clear();
  }

  /** A copy to keep while this one is read again: for a span that waits for its resource or scope. */
  SpanFields copy() {
    SpanFields copy = new SpanFields();
    copy.traceId = traceId;
    copy.spanId = spanId;
    copy.parentSpanId = parentSpanId;
    copy.name = name;
    copy.kind = kind;
    copy.status = status;
    copy.start = start;
    copy.end = end;
    copy.flags = flags;
    copy.attributes = attributes;
    copy.events.addAll(events);
    copy.links.addAll(links);
    return copy;
  }

  /**
   * The span, with its own copies of the events and links: a span of none shares the one empty list.
   *
   * @param contexts where a context equal to one made before is found: the parent's own, a sibling's parent
   */
  SpanData toSpanData(Resource resource, InstrumentationScopeInfo scope, RecentSpanContexts contexts) {
    SpanContext parent =
        parentSpanId == null ? SpanContext.getInvalid() : contexts.context(traceId, parentSpanId, flags, true);
    return new ImportedSpanData(
        name, kind, contexts.context(traceId, spanId, flags, false), parent, status, start, end, attributes,
        attributes.size(), events.isEmpty() ? List.of() : events, events.size(),
        links.isEmpty() ? List.of() : links, links.size(), resource, scope);
  }
}
