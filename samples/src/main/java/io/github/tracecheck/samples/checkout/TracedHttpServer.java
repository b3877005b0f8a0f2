package io.github.tracecheck.samples.checkout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * A JDK {@link HttpServer} on loopback whose routes run inside a SERVER span continuing the
 * caller's trace: the context is extracted from the request headers, as hand-written
 * instrumentation does it.
 */
final class TracedHttpServer implements AutoCloseable {

  /** Handles one request inside its span; must send the response headers. */
  interface Handler {
    void handle(HttpExchange exchange, Span span) throws IOException;
  }

  private final HttpServer server;
  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;

  TracedHttpServer(OpenTelemetry openTelemetry, String instrumentationName) throws IOException {
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer(instrumentationName);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
  }

  /** Serves {@code method} requests under {@code path}, reporting them as {@code route}. */
  TracedHttpServer route(String method, String route, String path, Handler handler) {
    server.createContext(path, exchange -> serve(exchange, method, route, handler));
    return this;
  }

  TracedHttpServer start() {
    server.start();
    return this;
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void serve(HttpExchange exchange, String method, String route, Handler handler)
      throws IOException {
    Context parent =
        openTelemetry.getPropagators().getTextMapPropagator()
            .extract(Context.root(), exchange.getRequestHeaders(), HttpHeadersCarrier.SERVER_HEADERS);
    Span span =
        tracer.spanBuilder(method + " " + route)
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("http.request.method", method)
            .setAttribute("http.route", route)
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      handler.handle(exchange, span);
      span.setAttribute("http.response.status_code", (long) exchange.getResponseCode());
    } finally {
      exchange.close();
      span.end();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
