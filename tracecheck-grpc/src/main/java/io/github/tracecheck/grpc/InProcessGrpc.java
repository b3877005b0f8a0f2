package io.github.tracecheck.grpc;

import io.grpc.BindableService;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC server on the in-process transport, with the interceptors under test, and channels to
 * it. Closing it shuts every channel and the server down and waits for them.
 *
 * <pre>{@code
 * try (InProcessGrpc grpc = InProcessGrpc.start(new AuthService(), probe, telemetry.createServerInterceptor())) {
 *   ManagedChannel channel = grpc.channel(telemetry.createClientInterceptor());
 *   ...
 * }
 * }</pre>
 *
 * <p>Server interceptors run in the order given: put a {@link MetadataProbe} first to see the
 * metadata exactly as it arrived.
 */
public final class InProcessGrpc implements AutoCloseable {

  private static final long SHUTDOWN_SECONDS = 10;

  private final String name;
  private final Server server;
  private final List<ManagedChannel> channels = new ArrayList<>();

  private InProcessGrpc(String name, Server server) {
    this.name = name;
    this.server = server;
  }

  /** Starts a server for the service; interceptors run in the order given. */
  public static InProcessGrpc start(BindableService service, ServerInterceptor... interceptors) {
    String name = InProcessServerBuilder.generateName();
    List<ServerInterceptor> outermostLast = new ArrayList<>(List.of(interceptors));
    java.util.Collections.reverse(outermostLast); // ServerInterceptors.intercept runs the last one first
    try {
      Server server =
          InProcessServerBuilder.forName(name)
              .addService(ServerInterceptors.intercept(service, outermostLast))
              .build()
              .start();
      return new InProcessGrpc(name, server);
    } catch (IOException e) {
      throw new IllegalStateException("the in-process gRPC server did not start: " + e, e);
    }
  }

  /** A channel to the server through the client interceptors, closed with this object. */
  public synchronized ManagedChannel channel(ClientInterceptor... interceptors) {
    ManagedChannel channel = InProcessChannelBuilder.forName(name).intercept(interceptors).build();
    channels.add(channel);
    return channel;
  }

  public String serverName() {
    return name;
  }

  @Override
  public synchronized void close() {
    try {
      for (ManagedChannel channel : channels) {
        channel.shutdownNow();
      }
      server.shutdownNow();
      for (ManagedChannel channel : channels) {
        if (!channel.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
          throw new IllegalStateException("a gRPC channel to " + name + " did not terminate in " + SHUTDOWN_SECONDS + " s");
        }
      }
      if (!server.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the in-process gRPC server " + name + " did not terminate in " + SHUTDOWN_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the in-process gRPC server", e);
    }
  }
}
