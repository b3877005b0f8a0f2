package io.github.tracecheck.semconv;

import static io.github.tracecheck.semconv.KnownAttributes.RPC_GRPC_STATUS_CODE;
import static io.github.tracecheck.semconv.KnownAttributes.RPC_METHOD;
import static io.github.tracecheck.semconv.KnownAttributes.RPC_RESPONSE_STATUS_CODE;
import static io.github.tracecheck.semconv.KnownAttributes.RPC_SERVICE;
import static io.github.tracecheck.semconv.KnownAttributes.RPC_SYSTEM;

import io.github.tracecheck.model.SpanNode;
import java.util.Locale;

/**
 * RPC attributes of a span: {@code rpc.system}, {@code rpc.service}, {@code rpc.method}, and the gRPC
 * status under its current name ({@code rpc.response.status_code}, a name) and its deprecated one
 * ({@code rpc.grpc.status_code}, a number).
 */
public final class RpcAttributes {

  /** gRPC status codes by number, as {@code rpc.grpc.status_code} records them. */
  private static final String[] GRPC_CODES = {
    "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
    "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
    "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"
  };

  private RpcAttributes() {}

  /** e.g. {@code grpc}; null when unknown. */
  public static String system(SpanNode span) {
    return KnownAttributes.of(span).string(RPC_SYSTEM);
  }

  /** e.g. {@code shop.Inventory}; null when unknown. */
  public static String service(SpanNode span) {
    return KnownAttributes.of(span).string(RPC_SERVICE);
  }

  /** e.g. {@code Reserve}; null when unknown. */
  public static String method(SpanNode span) {
    return KnownAttributes.of(span).string(RPC_METHOD);
  }

  /** Whether the span records an RPC (it names the service). */
  public static boolean isRpc(SpanNode span) {
    return service(span) != null;
  }

  /** Whether the span records a gRPC status under either name, whatever the system. */
  public static boolean hasStatusCode(SpanNode span) {
    KnownAttributes known = KnownAttributes.of(span);
    return known.string(RPC_RESPONSE_STATUS_CODE) != null || known.number(RPC_GRPC_STATUS_CODE) != null;
  }

  /**
   * The gRPC status name, e.g. {@code UNAVAILABLE}, of a span whose {@code rpc.system} is {@code
   * grpc}; null for other spans and when none is recorded.
   */
  public static String grpcStatus(SpanNode span) {
    KnownAttributes known = KnownAttributes.of(span);
    if (!"grpc".equals(known.string(RPC_SYSTEM))) {
      return null;
    }
    String name = known.string(RPC_RESPONSE_STATUS_CODE);
    if (name != null) {
      return name.toUpperCase(Locale.ROOT);
    }
    Long number = known.number(RPC_GRPC_STATUS_CODE);
    if (number == null) {
      return null;
    }
    return number >= 0 && number < GRPC_CODES.length ? GRPC_CODES[number.intValue()] : "code " + number;
  }
}
