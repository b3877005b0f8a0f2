package io.github.tracecheck.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Run by {@link JavaAgentInTestJvmTest} in a JVM with the Java agent attached (not by surefire): the
 * test's own span, then the agent's spans of an auto-instrumented JDK HttpClient call to a JDK
 * HttpServer, all captured in one tree. The injected OpenTelemetry is the agent's: the agent does
 * not see the context of spans made by another SDK.
 */
// the agent's spans come through its exporter, cold in a new JVM: seconds on a loaded machine
@TraceCheck(awaitTimeout = "60s")
public class AgentInTheTestJvm {

  @Test
  void theAgentsSpansJoinTheTestsTrace(OpenTelemetry otel, CapturedTraces traces) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    ExecutorService executor = Executors.newFixedThreadPool(2);
    server.setExecutor(executor);
    server.createContext("/hello", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    try {
      Span checkout = otel.getTracer("test").spanBuilder("checkout").startSpan();
      try (Scope ignored = checkout.makeCurrent()) {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hello"))
                .timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
      } finally {
        checkout.end();
      }
      TraceForest forest = traces.awaitSpanCount(3);
      assertThat(forest.traces()).as("one trace:\n%s", forest).hasSize(1);
      assertThat(forest.traces().get(0).firstRoot().name()).isEqualTo("checkout");
      assertThat(forest.spans()).extracting(SpanNode::name).containsExactlyInAnyOrder("checkout", "GET", "GET /hello");
    } finally {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
