package io.github.tracecheck.samples.checkout;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.ServerCalls;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * auth-service: the gRPC method {@code auth.AuthService/Validate}, which checks the bearer token
 * the caller sends in its metadata. Served on the in-process transport, traced with OpenTelemetry's
 * gRPC instrumentation; messages are plain strings, so no code generation is needed.
 */
public final class AuthService implements AutoCloseable {

  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  static final MethodDescriptor<String, String> VALIDATE =
      MethodDescriptor.<String, String>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName("auth.AuthService/Validate")
          .setRequestMarshaller(new Utf8())
          .setResponseMarshaller(new Utf8())
          .build();

  private final Server server;
  private final String name;

  public AuthService(OpenTelemetry openTelemetry, TraceLog log) {
    this.name = InProcessServerBuilder.generateName();
    ServerServiceDefinition service =
        ServerServiceDefinition.builder("auth.AuthService")
            .addMethod(VALIDATE, ServerCalls.asyncUnaryCall((user, response) -> {
              log.info("validating token for " + user);
              response.onNext("valid");
              response.onCompleted();
            }))
            .build();
    try {
      this.server =
          InProcessServerBuilder.forName(name)
              .addService(ServerInterceptors.intercept(service, GrpcTelemetry.create(openTelemetry).createServerInterceptor()))
              .build()
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A channel to this service; traced with the caller's OpenTelemetry unless the bug is on. */
  ManagedChannel channel() {
    return InProcessChannelBuilder.forName(name).build();
  }

  /** Calls Validate for the caller, with the token in the metadata. */
  static String validate(Channel channel, OpenTelemetry caller, boolean traced, String user, String token) {
    Metadata metadata = new Metadata();
    metadata.put(AUTHORIZATION, "Bearer " + token);
    ClientInterceptor withToken = MetadataUtils.newAttachHeadersInterceptor(metadata);
    Channel intercepted =
        traced
            ? ClientInterceptors.intercept(channel, withToken, GrpcTelemetry.create(caller).createClientInterceptor())
            : ClientInterceptors.intercept(channel, withToken);
    return ClientCalls.blockingUnaryCall(intercepted, VALIDATE, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), user);
  }

  @Override
  public void close() {
    server.shutdownNow();
  }

  /** Strings as UTF-8 bytes on the wire. */
  private static final class Utf8 implements MethodDescriptor.Marshaller<String> {
    @Override
    public InputStream stream(String value) {
      return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String parse(InputStream stream) {
      try {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
