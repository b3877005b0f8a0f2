package io.github.tracecheck.grpc;

import io.github.tracecheck.model.TraceForest;

/** Entry point for the gRPC assertions: what a call carried, and the hop in the traces. */
public final class GrpcAssertions {

  private GrpcAssertions() {}

  public static ReceivedCallAssert assertThat(MetadataProbe.ReceivedCall call) {
    return new ReceivedCallAssert(call);
  }

  /** The hop of one RPC: its CLIENT and SERVER spans, by {@code rpc.service} and {@code rpc.method}. */
  public static GrpcHopAssert assertThatGrpcHop(TraceForest forest, String service, String method) {
    return new GrpcHopAssert(forest, service, method);
  }
}
