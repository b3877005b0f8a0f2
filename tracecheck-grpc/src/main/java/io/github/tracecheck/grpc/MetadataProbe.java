package io.github.tracecheck.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A server interceptor that records the metadata each call arrived with, so that a test can check
 * what crossed the wire: did the call carry a valid {@code traceparent} continuing the client span?
 */
public final class MetadataProbe implements ServerInterceptor {

  /** One call as the server received it: the method and its ASCII metadata. */
  public static final class ReceivedCall {
    private final String fullMethodName;
    private final Map<String, String> metadata;

    ReceivedCall(String fullMethodName, Map<String, String> metadata) {
      this.fullMethodName = fullMethodName;
      this.metadata = metadata;
    }

    /** e.g. {@code grpc.testing.SimpleService/UnaryRpc}. */
    public String fullMethodName() {
      return fullMethodName;
    }

    /** The ASCII metadata (binary {@code -bin} keys are left out), last value per key. */
    public Map<String, String> metadata() {
      return metadata;
    }

    public String get(String key) {
      return metadata.get(key);
    }

    @Override
    public String toString() {
      return fullMethodName + " " + metadata.keySet();
    }
  }

  private final List<ReceivedCall> calls = new ArrayList<>();

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    Map<String, String> ascii = new LinkedHashMap<>();
    for (String key : headers.keys()) {
      if (!key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        ascii.put(key, headers.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER)));
      }
    }
    synchronized (calls) {
      calls.add(new ReceivedCall(call.getMethodDescriptor().getFullMethodName(), Map.copyOf(ascii)));
    }
    return next.startCall(call, headers);
  }

  /** Every call received so far, in order. */
  public List<ReceivedCall> calls() {
    synchronized (calls) {
      return new ArrayList<>(calls);
    }
  }

  /** The last call received; fails clearly when there was none. */
  public ReceivedCall lastCall() {
    synchronized (calls) {
      if (calls.isEmpty()) {
        throw new AssertionError("the gRPC server received no call");
      }
      return calls.get(calls.size() - 1);
    }
  }
}
