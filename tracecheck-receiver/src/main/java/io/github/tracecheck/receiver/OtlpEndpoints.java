package io.github.tracecheck.receiver;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a running receiver listens, and the settings that point an OpenTelemetry SDK at it: an
 * environment map for a {@code ProcessBuilder} or a container, or system properties for a JVM (the
 * Java agent's {@code -D} options).
 *
 * <pre>{@code
 * ProcessBuilder child = new ProcessBuilder("java", "-jar", "orders.jar");
 * child.environment().putAll(endpoints.environment(OtlpProtocol.HTTP_PROTOBUF));
 * }</pre>
 *
 * <p>The exports are flushed every {@value #SCHEDULE_DELAY_MILLIS} ms (instead of the SDK's 5 s),
 * every span is sampled, and metrics and logs are not exported (the receiver takes traces only).
 *
 * @param http the OTLP/HTTP endpoint, e.g. {@code http://127.0.0.1:41234}; spans go to {@code /v1/traces}
 * @param grpc the OTLP/gRPC endpoint, e.g. {@code http://127.0.0.1:41235}
 */
public record OtlpEndpoints(URI http, URI grpc) {

  /** The batch span processor's delay the settings ask for, so that spans arrive while the test waits. */
  public static final int SCHEDULE_DELAY_MILLIS = 50;

  /** The endpoint for the protocol: {@link #grpc()} for gRPC, else {@link #http()}. */
  public URI endpoint(OtlpProtocol protocol) {
    return protocol == OtlpProtocol.GRPC ? grpc : http;
  }

  /**
   * The {@code OTEL_*} environment variables that make an OpenTelemetry SDK (Java, Node.js, Go,
   * Python, the Java agent...) export its spans here with the protocol.
   */
  public Map<String, String> environment(OtlpProtocol protocol) {
    Map<String, String> environment = new LinkedHashMap<>();
    settings(protocol).forEach((key, value) -> environment.put(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), value));
    return environment;
  }

  /** The same settings as {@code -Dotel...=...} options, for a JVM's command line or {@code argLine}. */
  public List<String> systemPropertyArguments(OtlpProtocol protocol) {
    return settings(protocol).entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
  }

  private Map<String, String> settings(OtlpProtocol protocol) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("otel.traces.exporter", "otlp");
    settings.put("otel.exporter.otlp.endpoint", endpoint(protocol).toString());
    settings.put("otel.exporter.otlp.protocol", protocol.value());
    settings.put("otel.bsp.schedule.delay", Integer.toString(SCHEDULE_DELAY_MILLIS));
    settings.put("otel.traces.sampler", "always_on");
    settings.put("otel.metrics.exporter", "none");
    settings.put("otel.logs.exporter", "none");
    return settings;
  }
}
