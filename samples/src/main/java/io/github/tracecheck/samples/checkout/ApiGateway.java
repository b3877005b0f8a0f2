package io.github.tracecheck.samples.checkout;

import com.sun.net.httpserver.HttpExchange;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The front door: {@code POST /checkout} asks the inventory service, over HTTP, whether the item is
 * in stock, then answers {@code 202 Accepted}. Instrumented by hand with the OpenTelemetry API.
 */
public final class ApiGateway implements AutoCloseable {

  private final HttpClient client = HttpClient.newHttpClient();
  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;
  private final URI inventory;
  private final TracedHttpServer server;

  public ApiGateway(OpenTelemetry openTelemetry, URI inventory) throws IOException {
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer("api-gateway");
    this.inventory = inventory;
    this.server =
        new TracedHttpServer(openTelemetry, "api-gateway")
            .route("POST", "/checkout", "/checkout", this::checkout)
            .start();
  }

  public URI baseUri() {
    return server.baseUri();
  }

  private void checkout(HttpExchange exchange, Span span) throws IOException {
    int status;
    try {
      status = inStock("sku-42") ? 202 : 409;
    } catch (IOException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, "inventory unreachable");
      status = 503;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      span.setStatus(StatusCode.ERROR, "interrupted");
      status = 503;
    }
    exchange.sendResponseHeaders(status, -1);
  }

  private boolean inStock(String sku) throws IOException, InterruptedException {
    Span span =
        tracer.spanBuilder("GET")
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("http.request.method", "GET")
            .setAttribute("url.full", inventory + "/stock/" + sku)
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(inventory.resolve("/stock/" + sku)).GET();
      openTelemetry.getPropagators().getTextMapPropagator()
          .inject(Context.current(), request, HttpHeadersCarrier.CLIENT_REQUEST);
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      span.setAttribute("http.response.status_code", (long) response.statusCode());
      return Integer.parseInt(response.body().strip()) > 0;
    } finally {
      span.end();
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
