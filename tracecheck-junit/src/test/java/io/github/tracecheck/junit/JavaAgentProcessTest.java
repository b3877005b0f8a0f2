package io.github.tracecheck.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.junit.process.CheckoutApp;
import io.github.tracecheck.junit.process.ChildJvm;
import io.github.tracecheck.junit.process.OrderService;
import io.github.tracecheck.model.SpanNode;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A JVM running the real OpenTelemetry Java agent (2.31.1, fetched by Maven) with an application
 * that has no OpenTelemetry code, exporting to the test's receiver: correct, one tree with the test's
 * client span; with its outgoing call on a raw thread, caught by the gate.
 */
// spans come from another process: its first export (a cold exporter in a new JVM or Node.js) may take seconds on a loaded machine
@TraceCheck(receiver = "true", awaitTimeout = "60s")
class JavaAgentProcessTest {

  static Path agentJar() {
    String jar = System.getProperty("tracecheck.test.javaagent");
    Assumptions.assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)),
        "the OpenTelemetry Java agent jar is fetched by Maven (tracecheck.test.javaagent=" + jar + ")");
    return Path.of(jar);
  }

  static ServiceProcess checkoutApp(OtlpEndpoints endpoints, String... args) throws Exception {
    List<String> options = new ArrayList<>();
    options.add("-javaagent:" + agentJar());
    options.addAll(endpoints.systemPropertyArguments(OtlpProtocol.HTTP_PROTOBUF));
    options.add("-Dotel.service.name=checkout-app");
    return ChildJvm.start(CheckoutApp.class, java.util.Map.of(), options, args);
  }

  static void checkout(OpenTelemetry otel, int port) throws Exception {
    Span client = otel.getTracer("test").spanBuilder("POST").setSpanKind(SpanKind.CLIENT).startSpan();
    try (Scope ignored = client.makeCurrent()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/checkout")).timeout(java.time.Duration.ofSeconds(30));
      otel.getPropagators().getTextMapPropagator().inject(Context.current(), request, HttpRequest.Builder::header);
      HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("checked out: in stock");
    } finally {
      client.end();
    }
  }

  @Test
  void anAutoInstrumentedAppIsOneTreeWithTheTestsClientSpan(OpenTelemetry otel, OtlpEndpoints endpoints,
      CapturedTraces traces) throws Exception {
    try (ServiceProcess app = checkoutApp(endpoints)) {
      int port = Integer.parseInt(app.awaitLine(OrderService.READY, java.time.Duration.ofSeconds(120)).strip());

      checkout(otel, port);

      TraceForest forest = traces.awaitSpanCount(4);
      assertThat(forest.traces()).as("one trace:\n%s", forest).hasSize(1);
      SpanNode root = forest.traces().get(0).firstRoot();
      assertThat(root.name()).isEqualTo("POST");
      assertThat(root.children()).singleElement().satisfies(checkout -> {
        assertThat(checkout.name()).isEqualTo("GET /checkout");
        assertThat(checkout.serviceName()).isEqualTo("checkout-app");
        assertThat(checkout.children()).singleElement().satisfies(client -> {
          assertThat(client.kind()).isEqualTo(SpanKind.CLIENT);
          assertThat(client.children()).extracting(SpanNode::name).containsExactly("GET /stock");
        });
      });
    }
  }

  /** The app hands its outgoing call to a raw {@code new Thread}, where the agent carries no context. */
  @TraceCheck(receiver = "true", awaitTimeout = "60s")
  static class AppWithARawThread {
    @Test
    void checkout(OpenTelemetry otel, OtlpEndpoints endpoints, CapturedTraces traces) throws Exception {
      try (ServiceProcess app = checkoutApp(endpoints, "raw-thread")) {
        int port = Integer.parseInt(app.awaitLine(OrderService.READY, java.time.Duration.ofSeconds(120)).strip());
        JavaAgentProcessTest.checkout(otel, port);
        traces.awaitSpanCount(4);
      }
    }
  }

  @Test
  void theGateCatchesTheContextLostOnARawThread() {
    Throwable failure = GateTest.failure(GateTest.run(AppWithARawThread.class));

    assertThat(failure).isInstanceOf(TraceCheckGateError.class);
    assertThat(GateTest.normalized(failure.getMessage()))
        .contains("[orphaned-root] span \"GET\" (checkout-app) started a new trace on thread \"stock-lookup\" while span"
            + " \"GET /checkout\" (checkout-app) in trace <trace-id> was open");
  }
}
