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
import java.nio.charset.StandardCharsets;

/** A tiny HTTP service: {@code GET /stock/{sku}} answers how many items are in stock. */
public final class InventoryService implements AutoCloseable {

  private final HttpServer server;
  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;

  public InventoryService(OpenTelemetry openTelemetry) throws IOException {
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer("inventory-service");
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/stock/", this::stock);
    server.start();
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void stock(HttpExchange exchange) throws IOException {
    Context parent =
        openTelemetry.getPropagators().getTextMapPropagator()
            .extract(Context.root(), exchange.getRequestHeaders(), HttpHeadersCarrier.SERVER_HEADERS);
    Span span =
        tracer.spanBuilder("GET /stock/{sku}")
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("http.request.method", "GET")
            .setAttribute("http.route", "/stock/{sku}")
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      byte[] body = "7".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      span.setAttribute("http.response.status_code", 200L);
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
