package io.github.tracecheck.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.junit.process.ChildJvm;
import io.github.tracecheck.junit.process.OrderService;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.receiver.OtlpEndpoints;
import io.github.tracecheck.receiver.OtlpProtocol;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Real child JVMs - the OpenTelemetry SDK configured from the receiver's {@code OTEL_*}
 * environment, an OTLP exporter (HTTP protobuf or gRPC), a JDK HTTP server - called by the test with
 * trace context: one connected tree across the process boundary, and the same service without
 * context extraction caught by the gate.
 */
// spans come from another process: its first export (a cold exporter in a new JVM or Node.js) may take seconds on a loaded machine
@TraceCheck(receiver = "true", awaitTimeout = "60s")
class CrossProcessTest {

  /** Calls the child's {@code GET /orders} in a client span, sending the span's context. */
  static void callOrders(OpenTelemetry otel, int port) throws Exception {
    Span client = otel.getTracer("test").spanBuilder("GET").setSpanKind(SpanKind.CLIENT)
        .setAttribute("http.request.method", "GET").setAttribute("url.full", "http://127.0.0.1:" + port + "/orders")
        .setAttribute("http.response.status_code", 200L).startSpan();
    try (Scope ignored = client.makeCurrent()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders")).timeout(java.time.Duration.ofSeconds(30));
      otel.getPropagators().getTextMapPropagator().inject(Context.current(), request, HttpRequest.Builder::header);
      HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    } finally {
      client.end();
    }
  }

  static ServiceProcess orderService(OtlpEndpoints endpoints, OtlpProtocol protocol, String... args) throws Exception {
    java.util.Map<String, String> environment = new java.util.HashMap<>(endpoints.environment(protocol));
    environment.put("OTEL_SERVICE_NAME", "order-service");
    return ChildJvm.start(OrderService.class, environment, List.of(), args);
  }

  @ParameterizedTest
  @EnumSource(value = OtlpProtocol.class, names = {"HTTP_PROTOBUF", "GRPC"})
  void aChildJvmsSpansJoinTheTestsTraceInOneTree(OtlpProtocol protocol, OpenTelemetry otel, OtlpEndpoints endpoints,
      CapturedTraces traces) throws Exception {
    try (ServiceProcess child = orderService(endpoints, protocol)) {
      int port = Integer.parseInt(child.awaitLine(OrderService.READY, java.time.Duration.ofSeconds(60)).strip());

      callOrders(otel, port);

      // The child's two spans may come in two exports: wait for both.
      TraceForest forest = traces.awaitSpanCount(3);
      assertThat(forest.traces()).as("one trace across the process boundary:\n%s", forest).hasSize(1);
      Trace trace = forest.traces().get(0);
      SpanNode client = trace.firstRoot();
      assertThat(client.name()).isEqualTo("GET");
      assertThat(client.children()).singleElement().satisfies(server -> {
        assertThat(server.name()).isEqualTo("GET /orders");
        assertThat(server.serviceName()).isEqualTo("order-service");
        assertThat(server.hasRemoteParent()).isTrue();
        assertThat(server.children()).extracting(SpanNode::name).containsExactly("load order");
      });
    }
  }

  /** The child ignores the traceparent it is sent. */
  @TraceCheck(receiver = "true", awaitTimeout = "60s")
  static class ChildThatDoesNotExtract {
    @Test
    void callOrders(OpenTelemetry otel, OtlpEndpoints endpoints, CapturedTraces traces) throws Exception {
      try (ServiceProcess child = orderService(endpoints, OtlpProtocol.HTTP_PROTOBUF, "no-extract")) {
        int port = Integer.parseInt(child.awaitLine(OrderService.READY, java.time.Duration.ofSeconds(60)).strip());
        CrossProcessTest.callOrders(otel, port);
        traces.awaitSpanCount(3);
      }
    }
  }

  @Test
  void theGateNamesTheBrokenHopAcrossProcesses() {
    EngineExecutionResults results = GateTest.run(ChildThatDoesNotExtract.class);

    Throwable failure = GateTest.failure(results);
    assertThat(failure).isInstanceOf(TraceCheckGateError.class);
    assertThat(GateTest.normalized(failure.getMessage())).contains("[orphaned-root]", "\"GET /orders\" (order-service)", "\"GET\" (ChildThatDoesNotExtract)");
  }
}
