package io.github.tracecheck.junit.process;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A service run as a separate JVM by the cross-process tests: the OpenTelemetry SDK configured from
 * the {@code OTEL_*} environment (as a real application's is), an OTLP exporter, and a JDK HTTP
 * server answering {@code GET /orders}. With the argument {@code no-extract} it has the propagation
 * bug: it ignores the incoming {@code traceparent}, so its server span starts a new trace.
 *
 * <p>Prints {@code listening on <port>} once it serves, and stops when its standard input closes.
 */
public final class OrderService {

  /** The first line the service prints, followed by its port. */
  public static final String READY = "listening on ";

  private static final TextMapGetter<HttpExchange> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(HttpExchange exchange) {
      return exchange.getRequestHeaders().keySet();
    }

    @Override
    public String get(HttpExchange exchange, String key) {
      return exchange == null ? null : exchange.getRequestHeaders().getFirst(key);
    }
  };

  private OrderService() {}

  public static void main(String[] args) throws IOException {
    boolean extract = !List.of(args).contains("no-extract");
    AutoConfiguredOpenTelemetrySdk configured = AutoConfiguredOpenTelemetrySdk.initialize();
    OpenTelemetry otel = configured.getOpenTelemetrySdk();
    Tracer tracer = otel.getTracer("order-service");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/orders", exchange -> {
      Context parent = extract
          ? otel.getPropagators().getTextMapPropagator().extract(Context.root(), exchange, HEADERS)
          : Context.root();
      Span span = tracer.spanBuilder("GET /orders").setSpanKind(SpanKind.SERVER).setParent(parent)
          .setAttribute("http.request.method", "GET").setAttribute("http.route", "/orders")
          .setAttribute("http.response.status_code", 200L).startSpan();
      try (Scope ignored = span.makeCurrent()) {
        tracer.spanBuilder("load order").startSpan().end();
        byte[] body = "order-1".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      } finally {
        span.end();
        exchange.close();
      }
    });
    server.start();
    System.out.println(READY + server.getAddress().getPort());
    System.out.flush();
    // The test closes our standard input to stop us; the SDK's shutdown flushes what is queued.
    while (System.in.read() != -1) {
      // nothing to read: stdin only tells when to stop
    }
    server.stop(0);
    configured.getOpenTelemetrySdk().close();
  }
}
