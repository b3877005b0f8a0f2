package io.github.tracecheck.receiver.internal;

import io.github.tracecheck.otlp.OtlpFormatException;
import io.github.tracecheck.receiver.Rejection;
import io.github.tracecheck.receiver.SpanSink;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * OTLP/gRPC: {@code opentelemetry.proto.collector.trace.v1.TraceService/Export}. The request is
 * taken as bytes and decoded here, so that a malformed message gets {@code INVALID_ARGUMENT} with
 * the reason (grpc-java's own protobuf marshaller would answer {@code INTERNAL}); gzip-compressed
 * calls are decompressed by grpc-java, and messages over the bound get {@code RESOURCE_EXHAUSTED}.
 * Connections acknowledge at once ({@link QuickAckServerChannel}): OpenTelemetry Java's gRPC
 * exporter would otherwise wait 40 ms per export.
 */
public final class GrpcTraceEndpoint implements AutoCloseable {

  /** The full name of the OTLP trace service. */
  public static final String SERVICE = "opentelemetry.proto.collector.trace.v1.TraceService";
  private static final String TRANSPORT = "OTLP/gRPC";

  private final Server server;
  private final ExecutorService executor;
  private final EventLoopGroup acceptor;
  private final EventLoopGroup connections;

  private GrpcTraceEndpoint(Server server, ExecutorService executor, EventLoopGroup acceptor, EventLoopGroup connections) {
    this.server = server;
    this.executor = executor;
    this.acceptor = acceptor;
    this.connections = connections;
  }

  /**
   * Listens on the address.
   *
   * @throws IOException when it cannot, e.g. a {@code BindException} for a port in use
   */
  public static GrpcTraceEndpoint start(InetSocketAddress address, int maxRequestBytes, SpanSink sink,
      Consumer<Rejection> rejections) throws IOException {
    MethodDescriptor<byte[], ExportTraceServiceResponse> export =
        MethodDescriptor.<byte[], ExportTraceServiceResponse>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Export"))
            .setRequestMarshaller(new BytesMarshaller())
            .setResponseMarshaller(ProtoUtils.marshaller(ExportTraceServiceResponse.getDefaultInstance()))
            .build();
    ServerServiceDefinition service = ServerServiceDefinition.builder(SERVICE)
        .addMethod(export, ServerCalls.asyncUnaryCall((body, response) -> export(body, response, sink, rejections)))
        .build();
    ExecutorService executor = Executors.newFixedThreadPool(4, ReceiverThreads.named("tracecheck-otlp-grpc-"));
    // grpc-java wants the event loops given with the channel type; they are ours to shut down.
    EventLoopGroup acceptor = new NioEventLoopGroup(1, ReceiverThreads.named("tracecheck-otlp-grpc-accept-"));
    EventLoopGroup connections = new NioEventLoopGroup(2, ReceiverThreads.named("tracecheck-otlp-grpc-io-"));
    Server server = NettyServerBuilder.forAddress(address)
        .channelType(QuickAckServerChannel.class)
        .bossEventLoopGroup(acceptor)
        .workerEventLoopGroup(connections)
        .maxInboundMessageSize(maxRequestBytes)
        .executor(executor)
        .addService(service)
        .build();
    try {
      server.start();
    } catch (IOException e) {
      executor.shutdownNow();
      acceptor.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      connections.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
    return new GrpcTraceEndpoint(server, executor, acceptor, connections);
  }


  private static void export(byte[] body, StreamObserver<ExportTraceServiceResponse> response, SpanSink sink,
      Consumer<Rejection> rejections) {
    List<SpanData> spans;
    try {
      spans = ExportDecoder.protobuf(body);
    } catch (OtlpFormatException e) {
      rejections.accept(new Rejection(TRANSPORT, e.getMessage()));
      response.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
      return;
    } catch (RuntimeException e) {
      rejections.accept(new Rejection(TRANSPORT, "internal error of the receiver: " + e));
      response.onError(Status.INTERNAL.withDescription("internal error of the receiver: " + e).asRuntimeException());
      return;
    }
    sink.accept(spans);
    response.onNext(ExportTraceServiceResponse.getDefaultInstance());
    response.onCompleted();
  }

  /** The port it listens on. */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
    acceptor.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    connections.shutdownGracefully(0, 0, TimeUnit.SECONDS);
  }

  /**
   * A message as its bytes: the receiver decodes requests in the call, where a bad message can be
   * answered properly; tests send raw bytes with it.
   */
  public static final class BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        // grpc-java has already bounded the message by maxInboundMessageSize.
        return stream.readAllBytes();
      } catch (IOException e) {
        throw Status.INTERNAL.withDescription("cannot read the request: " + e.getMessage()).withCause(e).asRuntimeException();
      }
    }
  }
}
