package io.github.tracecheck.junit;

import io.github.tracecheck.receiver.OtlpReceiver;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The receiver's settings: {@link TraceCheck#receiver()} wins over {@value
 * TraceCheck#RECEIVER_PROPERTY_NAME}; ports and the request bound come from properties only, since
 * one receiver serves the whole run.
 */
record ReceiverSettings(boolean enabled, int httpPort, int grpcPort, int maxRequestBytes) {

  static ReceiverSettings read(TraceCheck annotation, PropertySource properties) {
    String enabledText = annotation != null && !annotation.receiver().isEmpty()
        ? annotation.receiver()
        : properties.get(TraceCheck.RECEIVER_PROPERTY_NAME).orElse("false");
    boolean enabled = TraceCheckSettings.parseBoolean(TraceCheck.RECEIVER_PROPERTY_NAME, enabledText);
    int maxBytes = properties.get(TraceCheck.RECEIVER_MAX_REQUEST_BYTES_PROPERTY_NAME)
        .map(text -> TraceCheckSettings.parsePositive(TraceCheck.RECEIVER_MAX_REQUEST_BYTES_PROPERTY_NAME, text))
        .orElse(OtlpReceiver.DEFAULT_MAX_REQUEST_BYTES);
    return new ReceiverSettings(enabled, port(properties, TraceCheck.RECEIVER_HTTP_PORT_PROPERTY_NAME),
        port(properties, TraceCheck.RECEIVER_GRPC_PORT_PROPERTY_NAME), maxBytes);
  }

  /** These settings with the ports the Java agent exports to (0 leaves a port ephemeral). */
  ReceiverSettings withPorts(int http, int grpc) {
    return new ReceiverSettings(true, http == 0 ? httpPort : http, grpc == 0 ? grpcPort : grpc, maxRequestBytes);
  }

  private static int port(PropertySource properties, String key) {
    String text = properties.get(key).orElse("0").strip();
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ExtensionConfigurationException(key + ": '" + text + "' is not a port (0 for an ephemeral one, up to 65535)");
  }
}
