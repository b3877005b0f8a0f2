package io.github.tracecheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.receiver.OtlpProtocol;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Reading where the Java agent exports: the settings that reach the receiver, and those that cannot. */
class JavaAgentExportTest {

  private static JavaAgentExport read(Map<String, String> settings) {
    return JavaAgentExport.read(settings::get);
  }

  @Test
  void theDocumentedSettingsGiveTheHttpPort() {
    assertThat(read(Map.of("otel.exporter.otlp.endpoint", "http://127.0.0.1:14318", "otel.bsp.schedule.delay", "50")))
        .isEqualTo(new JavaAgentExport(OtlpProtocol.HTTP_PROTOBUF, 14318));
  }

  @Test
  void theAgentsDefaultEndpointsAreUsedWhenOnlyTheDelayIsSet() {
    assertThat(read(Map.of("otel.bsp.schedule.delay", "50"))).isEqualTo(new JavaAgentExport(OtlpProtocol.HTTP_PROTOBUF, 4318));
    assertThat(read(Map.of("otel.bsp.schedule.delay", "50", "otel.exporter.otlp.protocol", "grpc")))
        .isEqualTo(new JavaAgentExport(OtlpProtocol.GRPC, 4317));
  }

  @Test
  void aSignalSpecificEndpointAndProtocolWin() {
    assertThat(read(Map.of("otel.bsp.schedule.delay", "50", "otel.exporter.otlp.endpoint", "http://localhost:1",
        "otel.exporter.otlp.traces.endpoint", "http://localhost:2/v1/traces", "otel.exporter.otlp.traces.protocol", "http/json")))
        .isEqualTo(new JavaAgentExport(OtlpProtocol.HTTP_JSON, 2));
  }

  @Test
  void severalExportersIncludingOtlpAreFine() {
    assertThat(read(Map.of("otel.bsp.schedule.delay", "50", "otel.traces.exporter", "otlp,console")).port()).isEqualTo(4318);
  }

  @Test
  void theDefaultFiveSecondDelayIsAConfigurationError() {
    assertThatThrownBy(() -> read(Map.of()))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("tracecheck: the OpenTelemetry Java agent runs in this JVM, but its spans cannot reach the test: it holds"
            + " spans for otel.bsp.schedule.delay=5000 ms before exporting, so they would arrive after the gate checked the"
            + " test. @TraceCheck receives the agent's spans over OTLP on this host; configure the agent in the argLine of"
            + " surefire/failsafe, e.g.\n  -javaagent:/path/to/opentelemetry-javaagent.jar -Dotel.traces.exporter=otlp"
            + " -Dotel.exporter.otlp.protocol=http/protobuf -Dotel.exporter.otlp.endpoint=http://127.0.0.1:4318"
            + " -Dotel.bsp.schedule.delay=50 -Dotel.metrics.exporter=none -Dotel.logs.exporter=none\n"
            + "(any free port will do: tracecheck listens on the port of otel.exporter.otlp.endpoint)");
  }

  @Test
  void exportsThatCannotReachTheReceiverAreConfigurationErrorsSayingWhy() {
    assertThatThrownBy(() -> read(Map.of("otel.bsp.schedule.delay", "50", "otel.traces.exporter", "none")))
        .hasMessageContaining("cannot reach the test: it exports with otel.traces.exporter=none, not over OTLP.");
    assertThatThrownBy(() -> read(Map.of("otel.bsp.schedule.delay", "50", "otel.exporter.otlp.endpoint", "http://collector:4318")))
        .hasMessageContaining("cannot reach the test: it exports to http://collector:4318, not to this host.");
    assertThatThrownBy(() -> read(Map.of("otel.bsp.schedule.delay", "50", "otel.exporter.otlp.traces.endpoint", "http://localhost:4318")))
        .hasMessageContaining("its traces endpoint http://localhost:4318 is not on /v1/traces");
    assertThatThrownBy(() -> read(Map.of("otel.bsp.schedule.delay", "50", "otel.exporter.otlp.protocol", "thrift")))
        .hasMessageContaining("its OTLP protocol \"thrift\" is unknown");
    assertThatThrownBy(() -> read(Map.of("otel.bsp.schedule.delay", "soon")))
        .hasMessageContaining("otel.bsp.schedule.delay=soon ms");
  }

  @Test
  void thisTestJvmRunsNoAgent() {
    assertThat(JavaAgentExport.agentAttached()).isFalse();
    assertThat(JavaAgentExport.detect()).isEmpty();
  }
}
