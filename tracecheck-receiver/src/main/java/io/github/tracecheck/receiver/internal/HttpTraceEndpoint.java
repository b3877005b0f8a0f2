package io.github.tracecheck.receiver.internal;

import com.google.rpc.Status;
import io.github.tracecheck.internal.Json;
import io.github.tracecheck.otlp.OtlpFormatException;
import io.github.tracecheck.receiver.Rejection;
import io.github.tracecheck.receiver.SpanSink;
import io.grpc.netty.shaded.io.netty.bootstrap.ServerBootstrap;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelFuture;
import io.grpc.netty.shaded.io.netty.channel.ChannelFutureListener;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInitializer;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.SimpleChannelInboundHandler;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.grpc.netty.shaded.io.netty.handler.codec.http.FullHttpResponse;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpContent;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpHeaderNames;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpMethod;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpObject;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpRequest;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpResponseStatus;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpServerCodec;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpUtil;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpVersion;
import io.grpc.netty.shaded.io.netty.handler.codec.http.LastHttpContent;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * OTLP/HTTP on {@code /v1/traces}: protobuf or JSON bodies, plain or gzip, with or without a {@code
 * Content-Length} (Node.js sends chunked bodies). Responses follow the OTLP/HTTP specification: 200
 * with an empty {@code ExportTraceServiceResponse}, 400 with a {@code google.rpc.Status} for a body
 * that cannot be read, 413 for one over the bound, 415 for an unknown content type or encoding.
 * Bodies are bounded before and after decompression, so a request never exhausts memory.
 *
 * <p>Served by the Netty that grpc-java brings, on connections that acknowledge at once ({@link
 * QuickAckServerChannel}): the JDK's HTTP server gives no hold on its sockets, and OpenTelemetry
 * Java's HTTP exporter waited 40 ms per export on it. Each connection's requests are handled in order on
 * its own thread. A Java agent in this JVM does not trace these requests (it instruments
 * Netty under its own package names only); what it does trace of the receiver, {@link
 * OwnRequestFilter} drops.
 */
public final class HttpTraceEndpoint implements AutoCloseable {

  /** The path of trace exports in OTLP/HTTP. */
  public static final String PATH = "/v1/traces";
  private static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON = "application/json";
  private static final String TRANSPORT = "OTLP/HTTP";

  private final Channel server;
  private final EventLoopGroup acceptor;
  private final EventLoopGroup connections;

  private HttpTraceEndpoint(Channel server, EventLoopGroup acceptor, EventLoopGroup connections) {
    this.server = server;
    this.acceptor = acceptor;
    this.connections = connections;
  }

  /**
   * Listens on the address.
   *
   * @throws IOException when it cannot, e.g. a {@code BindException} for a port in use
   */
  public static HttpTraceEndpoint start(InetSocketAddress address, int maxRequestBytes, SpanSink sink,
      Consumer<Rejection> rejections) throws IOException {
    EventLoopGroup acceptor = new NioEventLoopGroup(1, ReceiverThreads.named("tracecheck-otlp-http-accept-"));
    // A connection's requests are read, decoded and answered on its one thread, so answers keep
    // their order; four threads serve four senders at once, as many as the JDK's server had.
    EventLoopGroup connections = new NioEventLoopGroup(4, ReceiverThreads.named("tracecheck-otlp-http-"));
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(acceptor, connections)
        .channel(QuickAckServerChannel.class)
        .childHandler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel connection) {
            connection.pipeline()
                .addLast(new HttpServerCodec())
                .addLast(new Exchange(maxRequestBytes, sink, rejections));
          }
        });
    ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      shutDown(acceptor, connections);
      throw bound.cause() instanceof IOException e ? e : new IOException("cannot listen on " + address, bound.cause());
    }
    return new HttpTraceEndpoint(bound.channel(), acceptor, connections);
  }

  /** The port it listens on. */
  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    shutDown(acceptor, connections);
  }

  private static void shutDown(EventLoopGroup... groups) {
    for (EventLoopGroup group : groups) {
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    }
  }

  /**
   * One connection's requests, one at a time: the request line and headers are checked first (a
   * refused request's body is read and dropped), the body is gathered within the bound, then
   * decoded and handed to the sink.
   */
  private static final class Exchange extends SimpleChannelInboundHandler<HttpObject> {

    private final int maxRequestBytes;
    private final SpanSink sink;
    private final Consumer<Rejection> rejections;
    // The request being read; null while its body is being dropped or between requests.
    private Request request;

    Exchange(int maxRequestBytes, SpanSink sink, Consumer<Rejection> rejections) {
      this.maxRequestBytes = maxRequestBytes;
      this.sink = sink;
      this.rejections = rejections;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
      try {
        if (message.decoderResult().isFailure()) {
          // A request line, header or chunk that is not HTTP: where the next request starts is unknown.
          request = null;
          reject(context, false, 400, false, "not a valid HTTP request: " + message.decoderResult().cause().getMessage());
          return;
        }
        if (message instanceof HttpRequest head) {
          request = begin(context, head);
        }
        if (message instanceof HttpContent content && request != null) {
          if (!request.append(content)) {
            Request refused = request;
            request = null;
            // The rest of the body would follow: the connection cannot be reused.
            reject(context, false, 413, refused.json, "the request body is over the limit of " + maxRequestBytes + " bytes");
            return;
          }
          if (content instanceof LastHttpContent) {
            Request complete = request;
            request = null;
            finish(context, complete);
          }
        }
      } catch (RuntimeException e) {
        // A bug of ours must not look like a bad export, nor leave the sender waiting.
        rejections.accept(new Rejection(TRANSPORT, "internal error of the receiver: " + e));
        respond(context, false, HttpResponseStatus.INTERNAL_SERVER_ERROR, PROTOBUF,
            status(13, "internal error of the receiver: " + e).toByteArray());
        request = null;
      }
    }

    /** Checks what the headers say; null when the request was answered already. */
    private Request begin(ChannelHandlerContext context, HttpRequest head) {
      boolean keepAlive = HttpUtil.isKeepAlive(head) && !HttpUtil.is100ContinueExpected(head);
      String path = pathOf(head.uri());
      if (!PATH.equals(path)) {
        // Metrics and logs are not received: a plain 404, and no rejection (the sender is merely noisy).
        respond(context, keepAlive, HttpResponseStatus.NOT_FOUND, PROTOBUF,
            status(5, "this receiver takes traces only, on " + PATH).toByteArray());
        return null;
      }
      if (!HttpMethod.POST.equals(head.method())) {
        FullHttpResponse response = response(HttpResponseStatus.METHOD_NOT_ALLOWED, PROTOBUF,
            status(3, "OTLP exports are POSTed").toByteArray());
        response.headers().set(HttpHeaderNames.ALLOW, "POST");
        send(context, keepAlive, response);
        return null;
      }
      String contentType = mediaType(head.headers().get(HttpHeaderNames.CONTENT_TYPE));
      boolean json = JSON.equals(contentType);
      if (!json && !PROTOBUF.equals(contentType)) {
        reject(context, keepAlive, 415, false, "unsupported Content-Type \"" + contentType + "\": send " + PROTOBUF + " or " + JSON);
        return null;
      }
      String encoding = head.headers().get(HttpHeaderNames.CONTENT_ENCODING);
      boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
      if (encoding != null && !gzip && !encoding.trim().equalsIgnoreCase("identity") && !encoding.isBlank()) {
        reject(context, keepAlive, 415, json, "unsupported Content-Encoding \"" + encoding + "\": send gzip or none");
        return null;
      }
      String length = head.headers().get(HttpHeaderNames.CONTENT_LENGTH);
      if (length != null) {
        try {
          if (Long.parseLong(length.trim()) > maxRequestBytes) {
            reject(context, keepAlive, 413, json,
                "the request body of " + length.trim() + " bytes is over the limit of " + maxRequestBytes + " bytes");
            return null;
          }
        } catch (NumberFormatException e) {
          reject(context, false, 400, json, "cannot read the body: Content-Length \"" + length + "\" is not a number");
          return null;
        }
      }
      if (HttpUtil.is100ContinueExpected(head)) {
        // The sender waits for this before sending the body: only now is it worth sending.
        context.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
      }
      return new Request(json, gzip, HttpUtil.isKeepAlive(head), maxRequestBytes);
    }

    private void finish(ChannelHandlerContext context, Request complete) {
      byte[] body;
      try {
        body = complete.body();
      } catch (TooLarge e) {
        reject(context, complete.keepAlive, 413, complete.json, e.getMessage());
        return;
      } catch (IOException e) {
        reject(context, complete.keepAlive, 400, complete.json,
            (complete.gzip ? "cannot read the gzip body: " : "cannot read the body: ") + e.getMessage());
        return;
      }
      List<SpanData> spans;
      try {
        spans = complete.json ? ExportDecoder.json(body) : ExportDecoder.protobuf(body);
      } catch (OtlpFormatException e) {
        reject(context, complete.keepAlive, 400, complete.json, e.getMessage());
        return;
      }
      sink.accept(spans);
      if (complete.json) {
        respond(context, complete.keepAlive, HttpResponseStatus.OK, JSON, "{}".getBytes(StandardCharsets.UTF_8));
      } else {
        respond(context, complete.keepAlive, HttpResponseStatus.OK, PROTOBUF,
            ExportTraceServiceResponse.getDefaultInstance().toByteArray());
      }
    }

    private void reject(ChannelHandlerContext context, boolean keepAlive, int code, boolean json, String reason) {
      rejections.accept(new Rejection(TRANSPORT, reason));
      // gRPC's INVALID_ARGUMENT (3) for a bad body, RESOURCE_EXHAUSTED (8) for one too large.
      Status status = status(code == 413 ? 8 : 3, reason);
      HttpResponseStatus httpStatus = HttpResponseStatus.valueOf(code);
      if (json) {
        respond(context, keepAlive, httpStatus, JSON,
            ("{\"code\":" + status.getCode() + ",\"message\":" + Json.string(reason) + "}").getBytes(StandardCharsets.UTF_8));
      } else {
        respond(context, keepAlive, httpStatus, PROTOBUF, status.toByteArray());
      }
    }

    private static void respond(ChannelHandlerContext context, boolean keepAlive, HttpResponseStatus code,
        String contentType, byte[] body) {
      send(context, keepAlive, response(code, contentType, body));
    }

    private static FullHttpResponse response(HttpResponseStatus code, String contentType, byte[] body) {
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, code, Unpooled.wrappedBuffer(body));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
      return response;
    }

    private static void send(ChannelHandlerContext context, boolean keepAlive, FullHttpResponse response) {
      HttpUtil.setKeepAlive(response, keepAlive);
      var written = context.writeAndFlush(response);
      if (!keepAlive) {
        written.addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
      context.close(); // the connection broke (the sender went away): nothing to answer
    }
  }

  /** A request's body as it arrives, bounded on the wire; decompressed (bounded again) when complete. */
  private static final class Request {
    final boolean json;
    final boolean gzip;
    final boolean keepAlive;
    private final int maxBytes;
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();

    Request(boolean json, boolean gzip, boolean keepAlive, int maxBytes) {
      this.json = json;
      this.gzip = gzip;
      this.keepAlive = keepAlive;
      this.maxBytes = maxBytes;
    }

    /** Adds a piece of the body; false once the body is over the bound (then nothing more is kept). */
    boolean append(HttpContent content) {
      int readable = content.content().readableBytes();
      if (wire.size() + (long) readable > maxBytes) {
        return false;
      }
      byte[] piece = new byte[readable];
      content.content().readBytes(piece);
      wire.write(piece, 0, readable);
      return true;
    }

    byte[] body() throws IOException {
      byte[] bytes = wire.toByteArray();
      if (!gzip) {
        return bytes;
      }
      try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        return readAtMost(unzipped, maxBytes);
      }
    }

    private static byte[] readAtMost(InputStream in, int maxBytes) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      int read;
      while ((read = in.read(buffer)) != -1) {
        if (out.size() + read > maxBytes) {
          throw new TooLarge("the decompressed request body is over the limit of " + maxBytes + " bytes");
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    }
  }

  private static Status status(int code, String message) {
    return Status.newBuilder().setCode(code).setMessage(message).build();
  }

  /** The path of the request target, origin-form or absolute-form; empty when it is not a URI. */
  private static String pathOf(String target) {
    try {
      String path = URI.create(target).getPath();
      return path == null ? "" : path;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int parameters = contentType.indexOf(';');
    return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
  }

  /** A decompressed body over the bound: the reading stops there, so memory stays bounded. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message);
    }
  }
}
