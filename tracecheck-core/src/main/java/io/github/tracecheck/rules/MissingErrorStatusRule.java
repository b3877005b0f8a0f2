package io.github.tracecheck.rules;

import io.github.tracecheck.pii.Masking;
import static io.github.tracecheck.rules.SpanAttributes.describe;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds spans that describe a failure but whose status is not ERROR, by the OpenTelemetry semantic
 * conventions (current and older attribute names):
 *
 * <ul>
 *   <li>an {@code exception} event ({@code recordException} does not set the status);
 *   <li>an HTTP server span with a 5xx response (a 4xx on a server MUST leave the status unset);
 *   <li>an HTTP client span with a 4xx or 5xx response;
 *   <li>a gRPC span whose status code is an error for its side: every code but OK for a client;
 *       UNKNOWN, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAVAILABLE and DATA_LOSS for a server;
 *   <li>{@code error.type} set.
 * </ul>
 */
public final class MissingErrorStatusRule implements Rule {

  public static final String NAME = "missing-error-status";

  private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
  private static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");

  /** gRPC status codes by number, as {@code rpc.grpc.status_code} records them. */
  private static final String[] GRPC_CODES = {
    "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
    "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
    "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"
  };

  private static final Set<String> GRPC_SERVER_ERRORS =
      Set.of("UNKNOWN", "DEADLINE_EXCEEDED", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> check(TraceForest forest, RuleOptions options) {
    List<Finding> findings = new ArrayList<>();
    for (Trace trace : forest.traces()) {
      for (SpanNode span : trace.spans()) {
        if (span.data().getStatus().getStatusCode() == StatusCode.ERROR) {
          continue;
        }
        String reason = failureWithoutError(span);
        if (reason != null) {
          findings.add(
              Finding.about(
                  NAME,
                  span,
                  List.of(),
                  "span " + describe(span) + " " + reason + ", but its status is "
                      + span.data().getStatus().getStatusCode(),
                  cause(reason)));
        }
      }
    }
    return findings;
  }

  /** Why the span should have status ERROR, or null when it should not. */
  private static String failureWithoutError(SpanNode span) {
    for (EventData event : span.data().getEvents()) {
      if (event.getName().equals("exception")) {
        String type = event.getAttributes().get(EXCEPTION_TYPE);
        String message = event.getAttributes().get(EXCEPTION_MESSAGE);
        return "recorded exception " + (type == null ? "(no type)" : Masking.redact(type))
            + (message == null ? "" : ": \"" + Masking.redact(message) + "\"");
      }
    }
    Long httpStatus = SpanAttributes.httpStatus(span);
    if (httpStatus != null) {
      if (span.kind() == SpanKind.SERVER && httpStatus >= 500) {
        return "is an HTTP server span that answered " + httpStatus;
      }
      if (span.kind() == SpanKind.CLIENT && httpStatus >= 400) {
        return "is an HTTP client span that received " + httpStatus;
      }
      if (span.kind() == SpanKind.SERVER && httpStatus >= 400) {
        return null; // a 4xx is the client's fault: the server's status stays unset
      }
    }
    String grpcCode = grpcCode(span);
    if (grpcCode != null && !grpcCode.equals("OK")) {
      if (span.kind() == SpanKind.CLIENT) {
        return "is a gRPC client span that received " + grpcCode;
      }
      if (span.kind() == SpanKind.SERVER && GRPC_SERVER_ERRORS.contains(grpcCode)) {
        return "is a gRPC server span that answered " + grpcCode;
      }
      if (span.kind() == SpanKind.SERVER) {
        return null;
      }
    }
    String errorType = SpanAttributes.string(span, "error.type");
    if (errorType != null) {
      return "has error.type \"" + Masking.redact(errorType) + "\"";
    }
    return null;
  }

  /** The gRPC status name from {@code rpc.response.status_code} or the older numeric attribute. */
  private static String grpcCode(SpanNode span) {
    if (!"grpc".equals(SpanAttributes.rpcSystem(span))) {
      return null;
    }
    String name = SpanAttributes.string(span, "rpc.response.status_code");
    if (name != null) {
      return name.toUpperCase(Locale.ROOT);
    }
    Long number = SpanAttributes.number(span, "rpc.grpc.status_code");
    if (number == null) {
      return null;
    }
    return number >= 0 && number < GRPC_CODES.length ? GRPC_CODES[number.intValue()] : "code " + number;
  }

  private static String cause(String reason) {
    if (reason.startsWith("recorded exception")) {
      return "recordException() adds an event but does not set the status: also call"
          + " span.setStatus(StatusCode.ERROR)";
    }
    return "the instrumentation did not set the status to ERROR for this failure: call"
        + " span.setStatus(StatusCode.ERROR) where the failure is handled";
  }
}
