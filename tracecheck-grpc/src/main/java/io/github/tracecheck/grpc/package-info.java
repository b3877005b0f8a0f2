/**
 * gRPC hops: {@link io.github.tracecheck.grpc.InProcessGrpc} runs a service on the in-process
 * transport, {@link io.github.tracecheck.grpc.MetadataProbe} records the metadata each call
 * carried, and {@link io.github.tracecheck.grpc.GrpcAssertions} checks it (the wire checks every
 * protocol shares) and the CLIENT and SERVER spans of the RPC (the hop checks every protocol shares,
 * read through the core's RPC attribute readers).
 */
package io.github.tracecheck.grpc;
