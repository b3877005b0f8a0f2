package io.github.tracecheck.rules;

import io.github.tracecheck.semconv.ErrorAttributes;
import io.github.tracecheck.semconv.HttpAttributes;
import io.github.tracecheck.semconv.RpcAttributes;
import io.github.tracecheck.pii.Masking;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.rules.internal.Redactions;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
public final class MissingErrorStatusRule implements PerSpanRule {

  public static final String NAME = "missing-error-status";

  public static final RuleInfo INFO =
      RuleInfo.of(NAME, "a failure recorded on a span whose status is not ERROR", RuleMode.FAIL)
          .withConventions(
              "exception event (recordException does not set the status)",
              "HTTP: server 5xx SHOULD be ERROR, server 4xx MUST stay unset, client 4xx/5xx SHOULD be ERROR",
              "http.response.status_code (http.status_code; Micrometer: status with outcome)",
              "gRPC: rpc.response.status_code (rpc.grpc.status_code), per side",
              "error.type");

  private static final Set<String> GRPC_SERVER_ERRORS =
      Set.of("UNKNOWN", "DEADLINE_EXCEEDED", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public SpanJudge judge(TraceForest forest, RuleOptions options) {
    return new SpanJudge() {
      private final List<Finding> findings = new ArrayList<>();
      private final Redactions redactions = new Redactions();

      @Override
      public void judge(SpanNode span) {
        if (span.data().getStatus().getStatusCode() == StatusCode.ERROR) {
          return;
        }
        String reason = failureWithoutError(span, redactions);
        if (reason != null) {
          findings.add(
              Finding.about(
                  NAME,
                  span,
                  List.of(),
                  "span " + redactions.describe(span) + " " + reason + ", but its status is "
                      + span.data().getStatus().getStatusCode(),
                  cause(reason)));
        }
      }

      @Override
      public List<Finding> findings() {
        return findings;
      }
    };
  }

  /** Why the span should have status ERROR, or null when it should not. */
  private static String failureWithoutError(SpanNode span, Redactions redactions) {
    Optional<EventData> exception = ErrorAttributes.exceptionEvent(span);
    if (exception.isPresent()) {
      String type = exception.get().getAttributes().get(ErrorAttributes.EXCEPTION_TYPE);
      String message = exception.get().getAttributes().get(ErrorAttributes.EXCEPTION_MESSAGE);
      return "recorded exception " + (type == null ? "(no type)" : redactions.of(type))
          + (message == null ? "" : ": \"" + Masking.redact(message) + "\"");
    }
    // HTTP and gRPC statuses are judged on clients and servers only: other spans skip reading them.
    if (span.kind() == SpanKind.SERVER || span.kind() == SpanKind.CLIENT) {
      Long httpStatus = HttpAttributes.statusCode(span);
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
      String grpcCode = RpcAttributes.grpcStatus(span);
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
    }
    String errorType = ErrorAttributes.errorType(span);
    if (errorType != null) {
      return "has error.type \"" + redactions.of(errorType) + "\"";
    }
    return null;
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
