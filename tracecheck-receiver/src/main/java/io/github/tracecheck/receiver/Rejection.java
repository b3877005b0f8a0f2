package io.github.tracecheck.receiver;

/**
 * An export the receiver refused, and why: the sender got the OTLP error response (HTTP 4xx, gRPC
 * {@code INVALID_ARGUMENT}), and the test that was running is told.
 *
 * @param transport {@code "OTLP/HTTP"} or {@code "OTLP/gRPC"}
 * @param reason what was wrong with the request, with the field's path where there is one
 */
public record Rejection(String transport, String reason) {

  @Override
  public String toString() {
    return transport + " export rejected: " + reason;
  }
}
