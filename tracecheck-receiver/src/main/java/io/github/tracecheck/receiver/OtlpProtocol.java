package io.github.tracecheck.receiver;

/** The OTLP transports a sender can be pointed at, with the {@code OTEL_EXPORTER_OTLP_PROTOCOL} value of each. */
public enum OtlpProtocol {
  /** OTLP/HTTP with protobuf bodies (the Java agent's default). */
  HTTP_PROTOBUF("http/protobuf"),
  /** OTLP/HTTP with JSON bodies. */
  HTTP_JSON("http/json"),
  /** OTLP/gRPC. */
  GRPC("grpc");

  private final String value;

  OtlpProtocol(String value) {
    this.value = value;
  }

  /** The value of {@code OTEL_EXPORTER_OTLP_PROTOCOL} / {@code otel.exporter.otlp.protocol}. */
  public String value() {
    return value;
  }
}
