package io.github.tracecheck.testing;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A real HTTP server for {@code GET /stock/{sku}} that records a SERVER span, continuing the
 * request's {@code traceparent} or (a server without extraction) starting a new trace. Like gRPC's
 * server instrumentation, it ends its span after the response was delivered.
 */
public final class StockServer {


  private StockServer() {}

  /** A started server on a free port of 127.0.0.1; stop it with {@code stop(0)}. */
  public static HttpServer start(Tracer serverTracer, boolean extract) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/stock/", exchange -> {
      Map<String, String> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
      Context parent = extract
          ? W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, MapCarrier.GETTER)
          : Context.root();
      Span span = serverTracer.spanBuilder("GET /stock/{sku}").setSpanKind(SpanKind.SERVER).setParent(parent)
          .setAttribute("http.request.method", "GET").setAttribute("http.route", "/stock/{sku}").startSpan();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
      span.setAttribute("http.response.status_code", 200L);
      span.end();
    });
    server.start();
    return server;
  }
}
