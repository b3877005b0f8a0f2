package io.github.tracecheck.receiver.internal;

import com.google.rpc.Status;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.tracecheck.internal.Json;
import io.github.tracecheck.otlp.OtlpFormatException;
import io.github.tracecheck.receiver.Rejection;
import io.github.tracecheck.receiver.SpanSink;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * OTLP/HTTP on {@code /v1/traces}: protobuf or JSON bodies, plain or gzip, with or without a {@code
 * Content-Length} (Node.js sends chunked bodies). Responses follow the OTLP/HTTP specification: 200
 * with an empty {@code ExportTraceServiceResponse}, 400 with a {@code google.rpc.Status} for a body
 * that cannot be read, 413 for one over the bound, 415 for an unknown content type or encoding.
 * Bodies are bounded before and after decompression, so a request never exhausts memory.
 */
public final class HttpTraceEndpoint implements AutoCloseable {

  /** The path of trace exports in OTLP/HTTP. */
  public static final String PATH = "/v1/traces";
  private static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON = "application/json";
  private static final String TRANSPORT = "OTLP/HTTP";

  private final HttpServer server;
  private final ExecutorService executor;
  private final int maxRequestBytes;
  private final SpanSink sink;
  private final Consumer<Rejection> rejections;

  private HttpTraceEndpoint(HttpServer server, ExecutorService executor, int maxRequestBytes, SpanSink sink,
      Consumer<Rejection> rejections) {
    this.server = server;
    this.executor = executor;
    this.maxRequestBytes = maxRequestBytes;
    this.sink = sink;
    this.rejections = rejections;
  }

  /**
   * Listens on the address.
   *
   * @throws IOException when it cannot, e.g. a {@code BindException} for a port in use
   */
  public static HttpTraceEndpoint start(InetSocketAddress address, int maxRequestBytes, SpanSink sink,
      Consumer<Rejection> rejections) throws IOException {
    HttpServer server = HttpServer.create(address, 64);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
      Thread thread = new Thread(task, "tracecheck-otlp-http-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    HttpTraceEndpoint endpoint = new HttpTraceEndpoint(server, executor, maxRequestBytes, sink, rejections);
    // A Java agent in this JVM adds its tracing filter here; the receiver's own requests are not
    // the code under test, and tracing them would export a span per export, forever.
    server.createContext("/", endpoint::handle).getFilters().clear();
    server.setExecutor(executor);
    server.start();
    return endpoint;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!PATH.equals(path)) {
        // Metrics and logs are not received: a plain 404, and no rejection (the sender is merely noisy).
        respond(exchange, 404, PROTOBUF, status(5, "this receiver takes traces only, on " + PATH).toByteArray());
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        respond(exchange, 405, PROTOBUF, status(3, "OTLP exports are POSTed").toByteArray());
        return;
      }
      String contentType = mediaType(exchange.getRequestHeaders().getFirst("Content-Type"));
      boolean json = JSON.equals(contentType);
      if (!json && !PROTOBUF.equals(contentType)) {
        reject(exchange, 415, false, "unsupported Content-Type \"" + contentType + "\": send " + PROTOBUF + " or " + JSON);
        return;
      }
      String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
      boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
      if (encoding != null && !gzip && !encoding.trim().equalsIgnoreCase("identity") && !encoding.isBlank()) {
        reject(exchange, 415, json, "unsupported Content-Encoding \"" + encoding + "\": send gzip or none");
        return;
      }
      byte[] body;
      try {
        body = readBounded(exchange, gzip);
      } catch (TooLarge e) {
        reject(exchange, 413, json, e.getMessage());
        return;
      } catch (IOException e) {
        reject(exchange, 400, json, (gzip ? "cannot read the gzip body: " : "cannot read the body: ") + e.getMessage());
        return;
      }
      List<SpanData> spans;
      try {
        spans = json ? ExportDecoder.json(body) : ExportDecoder.protobuf(body);
      } catch (OtlpFormatException e) {
        reject(exchange, 400, json, e.getMessage());
        return;
      }
      sink.accept(spans);
      if (json) {
        respond(exchange, 200, JSON, "{}".getBytes(StandardCharsets.UTF_8));
      } else {
        respond(exchange, 200, PROTOBUF, ExportTraceServiceResponse.getDefaultInstance().toByteArray());
      }
    } catch (RuntimeException e) {
      // A bug of ours must not look like a bad export, nor leave the sender waiting.
      rejections.accept(new Rejection(TRANSPORT, "internal error of the receiver: " + e));
      respond(exchange, 500, PROTOBUF, status(13, "internal error of the receiver: " + e).toByteArray());
    }
  }

  private byte[] readBounded(HttpExchange exchange, boolean gzip) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > maxRequestBytes) {
          throw new TooLarge("the request body of " + length.trim() + " bytes is over the limit of " + maxRequestBytes + " bytes");
        }
      } catch (NumberFormatException e) {
        throw new IOException("Content-Length \"" + length + "\" is not a number");
      }
    }
    InputStream raw = exchange.getRequestBody();
    byte[] wire = readAtMost(raw, "request body");
    if (!gzip) {
      return wire;
    }
    try (InputStream unzipped = new GZIPInputStream(new java.io.ByteArrayInputStream(wire))) {
      return readAtMost(unzipped, "decompressed request body");
    }
  }

  private byte[] readAtMost(InputStream in, String what) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    int read;
    while ((read = in.read(buffer)) != -1) {
      if (out.size() + read > maxRequestBytes) {
        throw new TooLarge("the " + what + " is over the limit of " + maxRequestBytes + " bytes");
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  private void reject(HttpExchange exchange, int code, boolean json, String reason) throws IOException {
    rejections.accept(new Rejection(TRANSPORT, reason));
    // gRPC's INVALID_ARGUMENT (3) for a bad body, RESOURCE_EXHAUSTED (8) for one too large.
    Status status = status(code == 413 ? 8 : 3, reason);
    if (json) {
      respond(exchange, code, JSON, ("{\"code\":" + status.getCode() + ",\"message\":" + Json.string(reason) + "}").getBytes(StandardCharsets.UTF_8));
    } else {
      respond(exchange, code, PROTOBUF, status.toByteArray());
    }
  }

  private static Status status(int code, String message) {
    return Status.newBuilder().setCode(code).setMessage(message).build();
  }

  private static void respond(HttpExchange exchange, int code, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int parameters = contentType.indexOf(';');
    return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** A body over the bound: the reading stops there, so memory stays bounded. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message);
    }
  }
}
