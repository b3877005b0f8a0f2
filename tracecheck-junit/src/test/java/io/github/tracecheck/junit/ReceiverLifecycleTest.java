package io.github.tracecheck.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.receiver.OtlpEndpoints;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** The receiver's lifecycle in {@code @TraceCheck}: when it starts, its settings, refused exports. */
class ReceiverLifecycleTest {

  static HttpResponse<String> postGarbage(OtlpEndpoints endpoints) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(endpoints.http() + "/v1/traces"))
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0x0a, (byte) 0xff, 0x01})).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @TraceCheck
  static class SendsAMalformedExport {
    @Test
    void send(OtlpEndpoints endpoints) throws Exception {
      assertThat(postGarbage(endpoints).statusCode()).isEqualTo(400);
    }
  }

  @Test
  void aRefusedExportFailsTheTestThatWasRunning() {
    Throwable failure = GateTest.failure(GateTest.run(SendsAMalformedExport.class));

    assertThat(failure).isExactlyInstanceOf(AssertionError.class);
    assertThat(failure.getMessage()).startsWith(
        "tracecheck: the OTLP receiver refused 1 export(s) while this test ran; their spans are not in the capture"
            + " (the sender got an OTLP error response):\n"
            + "  - OTLP/HTTP export rejected: not a protobuf ExportTraceServiceRequest (3 bytes): ");
  }

  @TraceCheck(receiver = "true")
  static class TwoTestsOneRefusal {
    static OtlpEndpoints seen;

    @Test
    void first(OtlpEndpoints endpoints) throws Exception {
      seen = endpoints;
      postGarbage(endpoints);
    }

    @Test
    void second(OtlpEndpoints endpoints) {
      assertThat(endpoints).as("one receiver for the run").isEqualTo(seen);
    }
  }

  @Test
  void onlyTheTestDuringWhichTheExportWasRefusedFails() {
    EngineExecutionResults results = GateTest.run(TwoTestsOneRefusal.class,
        Map.of("junit.jupiter.testmethod.order.default", "org.junit.jupiter.api.MethodOrderer$MethodName"));

    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
    assertThat(results.testEvents().failed().list()).singleElement()
        .satisfies(event -> assertThat(event.getTestDescriptor().getDisplayName()).startsWith("first"));
  }

  @TraceCheck(receiver = "true")
  static class AnyReceiverTest {
    @Test
    void nothing() {
      // the class only needs to start
    }
  }

  @Test
  void aPortInUseIsAConfigurationErrorNamingThePortAndTheSetting() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      EngineExecutionResults results = GateTest.run(AnyReceiverTest.class,
          Map.of(TraceCheck.RECEIVER_HTTP_PORT_PROPERTY_NAME, Integer.toString(port)));

      List<Event> failed = results.containerEvents().failed().list();
      assertThat(failed).singleElement().satisfies(event -> {
        Throwable error = event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(error).isInstanceOf(ExtensionConfigurationException.class);
        assertThat(error.getMessage()).isEqualTo(
            "the OTLP/HTTP receiver cannot listen on 127.0.0.1:" + port + ": port " + port
                + " is already in use (another receiver, a Collector or a second test run?); set "
                + "tracecheck.receiver.http-port to a free port, or to 0 for an ephemeral one (the endpoint is then in OtlpEndpoints)");
      });
    }
  }

  @Test
  void aBadPortOrSwitchIsAConfigurationErrorNamingTheKey() {
    assertThat(configurationError(Map.of(TraceCheck.RECEIVER_GRPC_PORT_PROPERTY_NAME, "70000")))
        .isEqualTo("tracecheck.receiver.grpc-port: '70000' is not a port (0 for an ephemeral one, up to 65535)");
    assertThat(configurationError(Map.of(TraceCheck.RECEIVER_PROPERTY_NAME, "yes")))
        .isEqualTo("tracecheck.receiver: 'yes' is not true or false");
  }

  private static String configurationError(Map<String, String> properties) {
    // The property turns the receiver on for a class without the attribute.
    EngineExecutionResults results = GateTest.run(WithoutAttribute.class, properties);
    return results.containerEvents().failed().list().get(0)
        .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage();
  }

  @TraceCheck
  static class WithoutAttribute {
    @Test
    void nothing() {
      // the class only needs to start
    }
  }
}
