package io.github.tracecheck.samples.checkout;

import com.sun.net.httpserver.HttpExchange;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A tiny HTTP service: {@code GET /stock/{sku}} answers how many items are in stock. */
public final class InventoryService implements AutoCloseable {

  private final TracedHttpServer server;

  public InventoryService(OpenTelemetry openTelemetry) throws IOException {
    this.server =
        new TracedHttpServer(openTelemetry, "inventory-service")
            .route("GET", "/stock/{sku}", "/stock/", InventoryService::stock)
            .start();
  }

  public URI baseUri() {
    return server.baseUri();
  }

  private static void stock(HttpExchange exchange, Span span) throws IOException {
    byte[] body = "7".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.close();
  }
}
