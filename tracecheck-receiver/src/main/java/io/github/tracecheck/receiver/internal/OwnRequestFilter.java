package io.github.tracecheck.receiver.internal;

import io.github.tracecheck.receiver.SpanSink;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops the server spans of the receiver's own export requests before they reach the capture. In a
 * JVM running the OpenTelemetry Java agent, the agent instruments the receiver's servers too: every
 * export it receives becomes a span, exported in the next batch, received, and so on. Those spans
 * say nothing about the code under test.
 */
public final class OwnRequestFilter implements SpanSink {

  private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
  private static final AttributeKey<String> HTTP_TARGET = AttributeKey.stringKey("http.target");
  private static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  private static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");

  private final SpanSink next;
  private volatile int httpPort = -1;
  private volatile int grpcPort = -1;

  public OwnRequestFilter(SpanSink next) {
    this.next = next;
  }

  /** The ports the receiver listens on, once it does. */
  public void listeningOn(int http, int grpc) {
    this.httpPort = http;
    this.grpcPort = grpc;
  }

  @Override
  public void accept(List<SpanData> spans) {
    List<SpanData> kept = null;
    for (int i = 0; i < spans.size(); i++) {
      if (isOwnRequest(spans.get(i))) {
        if (kept == null) {
          kept = new ArrayList<>(spans.subList(0, i));
        }
      } else if (kept != null) {
        kept.add(spans.get(i));
      }
    }
    next.accept(kept == null ? spans : kept);
  }

  private boolean isOwnRequest(SpanData span) {
    if (span.getKind() != SpanKind.SERVER) {
      return false;
    }
    Long port = span.getAttributes().get(SERVER_PORT);
    if (GrpcTraceEndpoint.SERVICE.equals(span.getAttributes().get(RPC_SERVICE))) {
      return port == null || port == grpcPort;
    }
    String path = span.getAttributes().get(URL_PATH);
    if (path == null) {
      path = span.getAttributes().get(HTTP_TARGET);
    }
    return HttpTraceEndpoint.PATH.equals(path) && port != null && port == httpPort;
  }
}
