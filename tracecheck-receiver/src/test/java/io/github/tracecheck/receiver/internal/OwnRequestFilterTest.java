package io.github.tracecheck.receiver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.otlp.ImportedSpanData;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receiver's own requests, as a Java agent traces them, are dropped; nothing else is. */
class OwnRequestFilterTest {

  private final List<SpanData> kept = new ArrayList<>();
  private final OwnRequestFilter filter = new OwnRequestFilter(kept::addAll);

  private static SpanData span(String name, SpanKind kind, Attributes attributes) {
    SpanContext context = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(),
        TraceState.getDefault());
    return new ImportedSpanData(name, kind, context, SpanContext.getInvalid(), StatusData.unset(), 1, 2, attributes,
        attributes.size(), List.of(), 0, List.of(), 0, Resource.empty(), InstrumentationScopeInfo.create("agent"));
  }

  private static Attributes http(String path, long port) {
    return Attributes.of(AttributeKey.stringKey("url.path"), path, AttributeKey.longKey("server.port"), port);
  }

  @Test
  void dropsTheServerSpansOfItsOwnExportsOverHttpAndGrpc() {
    filter.listeningOn(4318, 4317);
    filter.accept(List.of(
        span("POST /", SpanKind.SERVER, http("/v1/traces", 4318)),
        span("opentelemetry.proto.collector.trace.v1.TraceService/Export", SpanKind.SERVER,
            Attributes.of(AttributeKey.stringKey("rpc.service"), "opentelemetry.proto.collector.trace.v1.TraceService")),
        span("GET /orders", SpanKind.SERVER, http("/orders", 4318))));

    assertThat(kept).extracting(SpanData::getName).containsExactly("GET /orders");
  }

  @Test
  void keepsAnotherServersTraceEndpointAndClientSpansOfExports() {
    filter.listeningOn(4318, 4317);
    filter.accept(List.of(
        span("POST /v1/traces", SpanKind.SERVER, http("/v1/traces", 9999)),
        span("POST", SpanKind.CLIENT, http("/v1/traces", 4318)),
        span("no port", SpanKind.SERVER, Attributes.of(AttributeKey.stringKey("url.path"), "/v1/traces"))));

    assertThat(kept).extracting(SpanData::getName).containsExactly("POST /v1/traces", "POST", "no port");
  }
}
