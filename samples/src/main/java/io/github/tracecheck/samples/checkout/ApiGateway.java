package io.github.tracecheck.samples.checkout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The front door: {@code POST /checkout} asks the inventory service, over HTTP, whether the item is
 * in stock, then answers {@code 202 Accepted}. Instrumented by hand with the OpenTelemetry API.
 */
public final class ApiGateway implements AutoCloseable {

  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;
  private final URI inventory;

  public ApiGateway(OpenTelemetry openTelemetry, URI inventory) throws IOException {
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer("api-gateway");
    this.inventory = inventory;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/checkout", this::checkout);
    server.start();
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void checkout(HttpExchange exchange) throws IOException {
    Context parent =
        openTelemetry.getPropagators().getTextMapPropagator()
            .extract(Context.root(), exchange.getRequestHeaders(), HttpHeadersCarrier.SERVER_HEADERS);
    Span span =
        tracer.spanBuilder("POST /checkout")
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("http.request.method", "POST")
            .setAttribute("http.route", "/checkout")
            .startSpan();
    int status;
    try (Scope ignored = span.makeCurrent()) {
      status = inStock("sku-42") ? 202 : 409;
    } catch (IOException | InterruptedException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, "inventory unreachable");
      status = 503;
    }
    span.setAttribute("http.response.status_code", (long) status);
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
    span.end();
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
    server.stop(0);
  }
}
