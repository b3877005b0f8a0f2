package io.github.tracecheck.otlp;

/** An OTLP input that cannot be read; the message says where (file, line or byte offset, field) and why. */
public final class OtlpFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  public OtlpFormatException(String message) {
    super(message);
  }

  public OtlpFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
