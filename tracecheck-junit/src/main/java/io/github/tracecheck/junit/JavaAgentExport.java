package io.github.tracecheck.junit;

import io.github.tracecheck.receiver.OtlpProtocol;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Where the OpenTelemetry Java agent running in the test JVM exports its spans, so that the run's
 * receiver listens there. The agent ignores {@code GlobalOpenTelemetry.set} and exports through
 * its own SDK: without this its spans never reach the capture and a test with a real propagation
 * bug passes green with none of them. An agent whose spans cannot reach the receiver in time - not
 * exported over OTLP, to another host, or held for seconds by its batch processor - is a
 * configuration error saying exactly what to put in the {@code argLine}.
 *
 * @param protocol how the agent exports
 * @param port the port on this host it exports to
 */
record JavaAgentExport(OtlpProtocol protocol, int port) {

  private static final String AGENT_CLASS = "io.opentelemetry.javaagent.bootstrap.AgentInitializer";
  // Above this, spans are still queued in the agent when the gate checks the test's traces.
  private static final long MAX_SCHEDULE_DELAY_MILLIS = 200;

  /** Whether the OpenTelemetry Java agent runs in this JVM (its bootstrap classes are loaded by the boot loader). */
  static boolean agentAttached() {
    try {
      Class.forName(AGENT_CLASS, false, null);
      return true;
    } catch (ClassNotFoundException e) {
      return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
          .anyMatch(argument -> argument.startsWith("-javaagent:") && argument.contains("opentelemetry-javaagent"));
    }
  }

  /**
   * The agent's export, read from its settings (system properties, then {@code OTEL_*} environment
   * variables, then its defaults); empty when no agent runs.
   *
   * @throws ExtensionConfigurationException when the agent's spans could not reach the receiver
   */
  static Optional<JavaAgentExport> detect() {
    return agentAttached() ? Optional.of(read(JavaAgentExport::setting)) : Optional.empty();
  }

  /** Reads the export from the agent's settings, looked up by their system property names. */
  static JavaAgentExport read(Function<String, String> settings) {
    String exporters = orDefault(settings.apply("otel.traces.exporter"), "otlp");
    if (!exporters.toLowerCase(Locale.ROOT).contains("otlp")) {
      throw misconfigured("it exports with otel.traces.exporter=" + exporters + ", not over OTLP", OtlpProtocol.HTTP_PROTOBUF);
    }
    String protocolName = orDefault(settings.apply("otel.exporter.otlp.traces.protocol"),
        orDefault(settings.apply("otel.exporter.otlp.protocol"), OtlpProtocol.HTTP_PROTOBUF.value()));
    OtlpProtocol protocol = null;
    for (OtlpProtocol candidate : OtlpProtocol.values()) {
      if (candidate.value().equals(protocolName)) {
        protocol = candidate;
      }
    }
    if (protocol == null) {
      throw misconfigured("its OTLP protocol \"" + protocolName + "\" is unknown", OtlpProtocol.HTTP_PROTOBUF);
    }
    String tracesEndpoint = settings.apply("otel.exporter.otlp.traces.endpoint");
    String endpoint = orDefault(tracesEndpoint,
        orDefault(settings.apply("otel.exporter.otlp.endpoint"), protocol == OtlpProtocol.GRPC ? "http://localhost:4317" : "http://localhost:4318"));
    URI uri;
    try {
      uri = URI.create(endpoint.strip());
    } catch (IllegalArgumentException e) {
      throw misconfigured("its OTLP endpoint \"" + endpoint + "\" is not a URI", protocol);
    }
    String host = String.valueOf(uri.getHost());
    if (!host.equals("localhost") && !host.equals("127.0.0.1") && !host.equals("[::1]")) {
      throw misconfigured("it exports to " + endpoint + ", not to this host", protocol);
    }
    if (tracesEndpoint != null && protocol != OtlpProtocol.GRPC && !"/v1/traces".equals(uri.getPath())) {
      throw misconfigured("its traces endpoint " + endpoint + " is not on /v1/traces", protocol);
    }
    String delayText = orDefault(settings.apply("otel.bsp.schedule.delay"), "5000");
    long delay;
    try {
      delay = Long.parseLong(delayText.strip().replace("ms", ""));
    } catch (NumberFormatException e) {
      delay = Long.MAX_VALUE;
    }
    if (delay > MAX_SCHEDULE_DELAY_MILLIS) {
      throw misconfigured("it holds spans for otel.bsp.schedule.delay=" + delayText
          + " ms before exporting, so they would arrive after the gate checked the test", protocol);
    }
    int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return new JavaAgentExport(protocol, port);
  }

  /** The receiver's settings, listening where the agent exports. */
  ReceiverSettings apply(ReceiverSettings settings) {
    return protocol == OtlpProtocol.GRPC ? settings.withPorts(0, port) : settings.withPorts(port, 0);
  }

  private static ExtensionConfigurationException misconfigured(String problem, OtlpProtocol protocol) {
    String port = protocol == OtlpProtocol.GRPC ? "4317" : "4318";
    return new ExtensionConfigurationException(
        "tracecheck: the OpenTelemetry Java agent runs in this JVM, but its spans cannot reach the test: " + problem
            + ". @TraceCheck receives the agent's spans over OTLP on this host; configure the agent in the"
            + " argLine of surefire/failsafe, e.g.\n  -javaagent:/path/to/opentelemetry-javaagent.jar"
            + " -Dotel.traces.exporter=otlp -Dotel.exporter.otlp.protocol=" + protocol.value()
            + " -Dotel.exporter.otlp.endpoint=http://127.0.0.1:" + port
            + " -Dotel.bsp.schedule.delay=50 -Dotel.metrics.exporter=none -Dotel.logs.exporter=none\n"
            + "(any free port will do: tracecheck listens on the port of otel.exporter.otlp.endpoint)");
  }

  /** A setting as the agent reads it: the system property, else its environment variable. */
  private static String setting(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
    return value == null || value.isBlank() ? null : value;
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
