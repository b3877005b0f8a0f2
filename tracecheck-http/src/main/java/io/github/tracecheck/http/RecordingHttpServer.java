package io.github.tracecheck.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP server on 127.0.0.1 (the JDK's {@link HttpServer}) that records the headers of every
 * request, for assertions on what crossed the wire; optionally it is an instrumented service too,
 * continuing the caller's trace in a SERVER span.
 *
 * <pre>{@code
 * try (RecordingHttpServer server = RecordingHttpServer.start()) {
 *   client.get(server.uri("/stock/sku-42"));
 *   HttpAssertions.assertThat(server.lastRequest()).continuesSpan(clientSpan);
 * }
 * }</pre>
 */
public final class RecordingHttpServer implements AutoCloseable {

  /** One request as the server received it. */
  public static final class RecordedRequest {
    private final String method;
    private final String path;
    private final Map<String, String> headers;

    RecordedRequest(String method, String path, Map<String, String> headers) {
      this.method = method;
      this.path = path;
      this.headers = headers;
    }

    public String method() {
      return method;
    }

    public String path() {
      return path;
    }

    /** Header names in lower case; the last value of a repeated header. */
    public Map<String, String> headers() {
      return headers;
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
      return method + " " + path + " " + headers.keySet();
    }
  }

  private static final TextMapGetter<RecordedRequest> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(RecordedRequest request) {
          return request.headers.keySet();
        }

        @Override
        public String get(RecordedRequest request, String key) {
          return request == null ? null : request.header(key);
        }
      };

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final OpenTelemetry tracing;
  private final String route;
  private final int status;

  private RecordingHttpServer(OpenTelemetry tracing, String route, int status) throws IOException {
    this.tracing = tracing;
    this.route = route;
    this.status = status;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    this.executor = Executors.newCachedThreadPool(r -> new Thread(r, "recording-http-server"));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A server that records requests and answers 200. */
  public static RecordingHttpServer start() {
    return create(null, null, 200);
  }

  /**
   * A server that also traces: each request runs in a SERVER span continuing the context extracted
   * from its headers, with method, route, path and status attributes.
   *
   * @param route the {@code http.route} to report, e.g. {@code /stock/{sku}}
   * @param status the status to answer
   */
  public static RecordingHttpServer startTraced(OpenTelemetry openTelemetry, String route, int status) {
    return create(openTelemetry, route, status);
  }

  private static RecordingHttpServer create(OpenTelemetry tracing, String route, int status) {
    try {
      return new RecordingHttpServer(tracing, route, status);
    } catch (IOException e) {
      throw new IllegalStateException("the recording HTTP server did not start: " + e, e);
    }
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return new ArrayList<>(requests);
    }
  }

  /** The last request received; fails clearly when there was none. */
  public RecordedRequest lastRequest() {
    synchronized (requests) {
      if (requests.isEmpty()) {
        throw new AssertionError("the recording HTTP server received no request");
      }
      return requests.get(requests.size() - 1);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(values.size() - 1)));
    RecordedRequest request =
        new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), Map.copyOf(headers));
    synchronized (requests) {
      requests.add(request);
    }
    Span span = tracing == null ? Span.getInvalid() : serverSpan(request);
    try (Scope ignored = span.makeCurrent()) {
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
    } finally {
      exchange.close();
      span.setAttribute("http.response.status_code", (long) status);
      span.end();
    }
  }

  private Span serverSpan(RecordedRequest request) {
    Context parent = tracing.getPropagators().getTextMapPropagator().extract(Context.root(), request, GETTER);
    return tracing.getTracer("recording-http-server")
        .spanBuilder(request.method() + " " + route)
        .setParent(parent)
        .setSpanKind(SpanKind.SERVER)
        .setAttribute("http.request.method", request.method())
        .setAttribute("url.path", request.path())
        .setAttribute("http.route", route)
        .startSpan();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the recording HTTP server's threads did not stop in 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
