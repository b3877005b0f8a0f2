package io.github.tracecheck.testing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link SpanData} with chosen ids and times, so that tests can state exact trees and exact
 * failure messages. Times are milliseconds after a fixed epoch.
 */
public final class TestSpans {

  public static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  public static final String OTHER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final long EPOCH_NANOS = 1_700_000_000_000_000_000L;

  private TestSpans() {}

  public static Builder span(String name, String spanId) {
    return new Builder(name, spanId);
  }

  /**
   * The span as a malformed source would deliver it: ids the SDK itself would never produce (it
   * replaces invalid ids with zeros), such as an OTLP file with "xyz" as span id.
   */
  public static SpanData withRawIds(SpanData span, String traceId, String spanId) {
    return new DelegatingSpanData(span) {
      @Override
      public String getTraceId() {
        return traceId;
      }

      @Override
      public String getSpanId() {
        return spanId;
      }
    };
  }

  /** Span ids for tests: 16 hex digits from a small number. */
  public static String id(long n) {
    return String.format("%016x", n);
  }

  public static final class Builder {
    private final String name;
    private final String spanId;
    private String traceId = TRACE_ID;
    private String parentSpanId;
    private boolean remoteParent;
    private SpanKind kind = SpanKind.INTERNAL;
    private String service = "svc";
    private final AttributesBuilder attributes = Attributes.builder();
    private long startMillis;
    private long endMillis = 1;
    private StatusData status = StatusData.unset();
    private final List<EventData> events = new ArrayList<>();
    private final List<LinkData> links = new ArrayList<>();

    private Builder(String name, String spanId) {
      this.name = name;
      this.spanId = spanId;
    }

    public Builder trace(String traceId) {
      this.traceId = traceId;
      return this;
    }

    public Builder parent(String parentSpanId) {
      this.parentSpanId = parentSpanId;
      return this;
    }

    public Builder remoteParent(String parentSpanId) {
      this.parentSpanId = parentSpanId;
      this.remoteParent = true;
      return this;
    }

    public Builder kind(SpanKind kind) {
      this.kind = kind;
      return this;
    }

    public Builder service(String service) {
      this.service = service;
      return this;
    }

    public Builder attr(String key, String value) {
      attributes.put(key, value);
      return this;
    }

    public Builder attr(String key, long value) {
      attributes.put(key, value);
      return this;
    }

    public <T> Builder attr(AttributeKey<T> key, T value) {
      attributes.put(key, value);
      return this;
    }

    public Builder time(long startMillis, long endMillis) {
      this.startMillis = startMillis;
      this.endMillis = endMillis;
      return this;
    }

    public Builder status(StatusCode code, String description) {
      this.status = StatusData.create(code, description);
      return this;
    }

    public Builder exception(String type, String message) {
      events.add(
          EventData.create(
              EPOCH_NANOS + startMillis * 1_000_000,
              "exception",
              Attributes.of(
                  AttributeKey.stringKey("exception.type"), type,
                  AttributeKey.stringKey("exception.message"), message)));
      return this;
    }

    public Builder event(String eventName) {
      events.add(EventData.create(EPOCH_NANOS + startMillis * 1_000_000, eventName, Attributes.empty()));
      return this;
    }

    public Builder link(String linkTraceId, String linkSpanId) {
      links.add(LinkData.create(context(linkTraceId, linkSpanId, false)));
      return this;
    }

    public SpanData build() {
      SpanContext parent =
          parentSpanId == null ? SpanContext.getInvalid() : context(traceId, parentSpanId, remoteParent);
      return TestSpanData.builder()
          .setName(name)
          .setKind(kind)
          .setSpanContext(context(traceId, spanId, false))
          .setParentSpanContext(parent)
          .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service)))
          .setAttributes(attributes.build())
          .setStartEpochNanos(EPOCH_NANOS + startMillis * 1_000_000)
          .setEndEpochNanos(EPOCH_NANOS + endMillis * 1_000_000)
          .setHasEnded(true)
          .setStatus(status)
          .setEvents(events)
          .setTotalRecordedEvents(events.size())
          .setLinks(links)
          .setTotalRecordedLinks(links.size())
          .build();
    }

    private static SpanContext context(String traceId, String spanId, boolean remote) {
      return remote
          ? SpanContext.createFromRemoteParent(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault())
          : SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());
    }
  }
}
