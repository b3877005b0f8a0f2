package io.github.tracecheck.grpc;

import io.grpc.stub.StreamObserver;
import io.grpc.testing.protobuf.SimpleRequest;
import io.grpc.testing.protobuf.SimpleResponse;
import io.grpc.testing.protobuf.SimpleServiceGrpc;

/** The service under test: answers a unary call. */
final class GreetingService extends SimpleServiceGrpc.SimpleServiceImplBase {
  @Override
  public void unaryRpc(SimpleRequest request, StreamObserver<SimpleResponse> responseObserver) {
    responseObserver.onNext(SimpleResponse.newBuilder().setResponseMessage("hello " + request.getRequestMessage()).build());
    responseObserver.onCompleted();
  }
}
