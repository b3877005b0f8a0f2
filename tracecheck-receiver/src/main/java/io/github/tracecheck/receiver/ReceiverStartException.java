package io.github.tracecheck.receiver;

/** The receiver could not listen: the message names the transport, the port and why. */
public final class ReceiverStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final OtlpProtocol protocol;
  private final int port;

  private ReceiverStartException(String message, OtlpProtocol protocol, int port, Throwable cause) {
    super(message, cause);
    this.protocol = protocol;
    this.port = port;
  }

  static ReceiverStartException of(OtlpProtocol protocol, int port, Throwable cause) {
    String transport = protocol == OtlpProtocol.GRPC ? "OTLP/gRPC" : "OTLP/HTTP";
    String why = OtlpReceiver.portInUse(cause)
        ? "port " + port + " is already in use (another receiver, a Collector or a second test run?)"
        : cause.toString();
    return new ReceiverStartException(
        "the " + transport + " receiver cannot listen on 127.0.0.1:" + port + ": " + why, protocol, port, cause);
  }

  /** The transport that could not start: {@link OtlpProtocol#GRPC} or {@link OtlpProtocol#HTTP_PROTOBUF} for HTTP. */
  public OtlpProtocol protocol() {
    return protocol;
  }

  /** The port it was asked to listen on. */
  public int port() {
    return port;
  }
}
