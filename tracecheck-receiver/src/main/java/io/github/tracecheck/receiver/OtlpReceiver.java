package io.github.tracecheck.receiver;

import io.github.tracecheck.receiver.internal.GrpcTraceEndpoint;
import io.github.tracecheck.receiver.internal.HttpTraceEndpoint;
import io.github.tracecheck.receiver.internal.OwnRequestFilter;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An OTLP receiver for tests: OTLP/HTTP ({@code /v1/traces}, protobuf and JSON, gzip) and OTLP/gRPC
 * ({@code TraceService/Export}) on 127.0.0.1, each on an ephemeral port unless one is given. Every
 * accepted export's spans go to the {@link SpanSink}; every refused one (a malformed body, an
 * oversized request) gets OTLP's error response and is told to the rejection listener.
 *
 * <pre>{@code
 * try (OtlpReceiver receiver = OtlpReceiver.builder().sink(capture::received).start()) {
 *   ProcessBuilder child = new ProcessBuilder("java", "-jar", "orders.jar");
 *   child.environment().putAll(receiver.endpoints().environment(OtlpProtocol.HTTP_PROTOBUF));
 *   ...
 * }
 * }</pre>
 */
public final class OtlpReceiver implements AutoCloseable {

  /** The default bound on one request's body, compressed and decompressed: 16 MiB. */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 16 * 1024 * 1024;

  private final HttpTraceEndpoint http;
  private final GrpcTraceEndpoint grpc;
  private final OtlpEndpoints endpoints;

  private OtlpReceiver(HttpTraceEndpoint http, GrpcTraceEndpoint grpc) {
    this.http = http;
    this.grpc = grpc;
    this.endpoints = new OtlpEndpoints(
        URI.create("http://127.0.0.1:" + http.port()), URI.create("http://127.0.0.1:" + grpc.port()));
  }

  /** A builder: ephemeral ports, {@link #DEFAULT_MAX_REQUEST_BYTES}, rejections ignored. */
  public static Builder builder() {
    return new Builder();
  }

  /** Where it listens, and the settings that point a sender here. */
  public OtlpEndpoints endpoints() {
    return endpoints;
  }

  /** Stops listening; exports in flight are cut off. */
  @Override
  public void close() {
    try {
      http.close();
    } finally {
      grpc.close();
    }
  }

  /** Configures and starts an {@link OtlpReceiver}. */
  public static final class Builder {
    private int httpPort;
    private int grpcPort;
    private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private SpanSink sink;
    private Consumer<Rejection> rejections = rejection -> { };

    private Builder() {}

    /** The OTLP/HTTP port; 0 (the default) for an ephemeral one, 4318 is OpenTelemetry's. */
    public Builder httpPort(int port) {
      this.httpPort = checkPort(port);
      return this;
    }

    /** The OTLP/gRPC port; 0 (the default) for an ephemeral one, 4317 is OpenTelemetry's. */
    public Builder grpcPort(int port) {
      this.grpcPort = checkPort(port);
      return this;
    }

    /** The largest request body accepted, compressed and decompressed; larger ones are refused. */
    public Builder maxRequestBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxRequestBytes must be at least 1, was " + bytes);
      }
      this.maxRequestBytes = bytes;
      return this;
    }

    /** Where the spans of accepted exports go. Required. */
    public Builder sink(SpanSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /** Told of every refused export, on the receiver's threads. */
    public Builder onRejection(Consumer<Rejection> listener) {
      this.rejections = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Starts listening on 127.0.0.1.
     *
     * @throws ReceiverStartException when a port cannot be bound (in use, or not allowed), naming it
     */
    public OtlpReceiver start() {
      Objects.requireNonNull(sink, "a sink for the received spans is required");
      InetAddress loopback = InetAddress.getLoopbackAddress();
      OwnRequestFilter filtered = new OwnRequestFilter(sink);
      HttpTraceEndpoint http;
      try {
        http = HttpTraceEndpoint.start(new InetSocketAddress(loopback, httpPort), maxRequestBytes, filtered, rejections);
      } catch (IOException e) {
        throw ReceiverStartException.of(OtlpProtocol.HTTP_PROTOBUF, httpPort, e);
      }
      try {
        GrpcTraceEndpoint grpc =
            GrpcTraceEndpoint.start(new InetSocketAddress(loopback, grpcPort), maxRequestBytes, filtered, rejections);
        filtered.listeningOn(http.port(), grpc.port());
        return new OtlpReceiver(http, grpc);
      } catch (IOException e) {
        http.close();
        throw ReceiverStartException.of(OtlpProtocol.GRPC, grpcPort, e);
      }
    }

    private static int checkPort(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("a port is 0 (ephemeral) to 65535, was " + port);
      }
      return port;
    }
  }

  /**
   * Whether the cause of a failed start is a port someone else holds: the JDK says so with a
   * BindException, Netty's native transport (under gRPC) with the operating system's message.
   */
  static boolean portInUse(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }
}
