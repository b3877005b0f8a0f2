package io.github.tracecheck.samples.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.ServiceProcess;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.receiver.OtlpEndpoints;
import io.github.tracecheck.receiver.OtlpProtocol;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.Rules;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checkout's stock service as a Node.js process (OpenTelemetry JS, OTLP/HTTP protobuf to the
 * test's receiver), between the storefront (the test) and the warehouse (an HTTP endpoint of the
 * test): one trace across three processes and two languages when it keeps the context, and the
 * trace broken in two when it makes its outgoing call outside the active context.
 *
 * <p>Needs Node.js 20+ and {@code npm ci} in {@code src/test/node/stock-service} ({@code .ci/run}
 * does it); skipped, saying which is missing, otherwise.
 */
// spans come from another process: its first export (a cold exporter in a new JVM or Node.js) may take seconds on a loaded machine
@TraceCheck(gate = "warn", receiver = "true", awaitTimeout = "60s")
class NodeStockServiceTest {

  private static final Path SERVICE = Path.of("src/test/node/stock-service");

  private static final TextMapGetter<HttpExchange> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(HttpExchange exchange) {
      return exchange.getRequestHeaders().keySet();
    }

    @Override
    public String get(HttpExchange exchange, String key) {
      return exchange == null ? null : exchange.getRequestHeaders().getFirst(key);
    }
  };

  @BeforeAll
  static void nodeAndItsPackagesAreInstalled() throws InterruptedException {
    try {
      Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      Assumptions.assumeTrue(version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0,
          "`node --version` failed: the Node.js sample needs Node.js 20+");
    } catch (IOException e) {
      Assumptions.abort("Node.js is not installed (no `node` on the PATH): the Node.js sample is skipped");
    }
    Assumptions.assumeTrue(Files.isDirectory(SERVICE.resolve("node_modules")),
        "the Node.js sample's packages are not installed: run `npm ci` in samples/" + SERVICE + " (.ci/run does)");
  }

  /** Runs one checkout through the Node.js stock service and returns the orphaned-root findings. */
  private static List<Finding> checkout(CapturedTraces traces, OtlpEndpoints endpoints, String... serviceArgs)
      throws Exception {
    HttpServer warehouse = warehouse(traces.openTelemetryFor("warehouse"));
    ProcessBuilder node = new ProcessBuilder(concat(List.of("node", "service.js"), serviceArgs)).directory(SERVICE.toFile());
    node.environment().putAll(endpoints.environment(OtlpProtocol.HTTP_PROTOBUF));
    try (ServiceProcess stockService = ServiceProcess.start(node)) {
      int port = Integer.parseInt(stockService.awaitLine("listening on ", Duration.ofSeconds(60)));
      String callback = "http://127.0.0.1:" + warehouse.getAddress().getPort() + "/stock";
      reserve(traces.openTelemetryFor("storefront"),
          URI.create("http://127.0.0.1:" + port + "/reserve?callback=" + URLEncoder.encode(callback, StandardCharsets.UTF_8)));
      // Storefront, the stock service's server and client spans, the warehouse.
      traces.awaitSpanCount(4);
      TraceForest forest = traces.awaitAllEnded();
      return Rules.check(forest).stream().filter(f -> f.rule().equals("orphaned-root")).toList();
    } finally {
      warehouse.stop(0);
    }
  }

  /** The storefront's call, in a client span whose context goes along. */
  private static void reserve(OpenTelemetry storefront, URI uri) throws Exception {
    Span client = storefront.getTracer("storefront").spanBuilder("GET").setSpanKind(SpanKind.CLIENT)
        .setAttribute("http.request.method", "GET").setAttribute("url.full", uri.toString()).startSpan();
    try (Scope ignored = client.makeCurrent()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
      storefront.getPropagators().getTextMapPropagator().inject(Context.current(), request, HttpRequest.Builder::header);
      HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      client.setAttribute("http.response.status_code", (long) response.statusCode());
      assertThat(response.body()).isEqualTo("reserved");
    } finally {
      client.end();
    }
  }

  /** The warehouse: a server span continuing the caller's context, as instrumentation makes it. */
  private static HttpServer warehouse(OpenTelemetry otel) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/stock", exchange -> {
      Context parent = otel.getPropagators().getTextMapPropagator().extract(Context.root(), exchange, HEADERS);
      Span span = otel.getTracer("warehouse").spanBuilder("GET /stock").setSpanKind(SpanKind.SERVER).setParent(parent)
          .setAttribute("http.request.method", "GET").setAttribute("http.route", "/stock")
          .setAttribute("http.response.status_code", 200L).startSpan();
      try {
        exchange.sendResponseHeaders(200, -1);
      } finally {
        span.end();
        exchange.close();
      }
    });
    server.start();
    return server;
  }

  private static List<String> concat(List<String> command, String... args) {
    return java.util.stream.Stream.concat(command.stream(), java.util.Arrays.stream(args)).toList();
  }

  @Test
  void oneTraceAcrossJavaAndNodeJs(CapturedTraces traces, OtlpEndpoints endpoints) throws Exception {
    List<Finding> orphans = checkout(traces, endpoints);

    TraceForest forest = traces.snapshot();
    System.out.println("=== The checkout through the Node.js stock service: one trace, three processes, two languages ===");
    System.out.println(io.github.tracecheck.render.TraceTreeRenderer.create().render(forest));
    assertThat(forest.traces()).as("one trace:\n%s", forest).hasSize(1);
    SpanNode storefront = forest.traces().get(0).firstRoot();
    assertThat(storefront.serviceName()).isEqualTo("storefront");
    SpanNode warehouse = forest.spans().stream().filter(s -> s.serviceName().equals("warehouse")).findFirst().orElseThrow();
    assertThat(warehouse.pathFromRoot()).extracting(SpanNode::serviceName)
        .containsExactly("storefront", "stock-service", "stock-service", "warehouse");
    assertThat(orphans).isEmpty();
  }

  /**
   * The broken hop is in the captured forest: the warehouse's span is in a new trace whose root is
   * the stock service's client span, started while its server span was open. The gate's
   * orphaned-root rule flags it on service and time evidence (Node.js spans carry no thread names).
   */
  @Test
  void aCallMadeOutsideTheActiveContextBreaksTheTraceAcrossLanguages(CapturedTraces traces, OtlpEndpoints endpoints)
      throws Exception {
    List<Finding> orphans = checkout(traces, endpoints, "outside-context");

    assertThat(orphans).extracting(f -> f.message().replaceAll("\\b[0-9a-f]{32}\\b", "<trace-id>")).containsExactly(
        "span \"GET\" (stock-service) started a new trace while span \"GET\" (stock-service) of the same service in"
            + " trace <trace-id> was in flight (inferred from service and time: the spans carry no thread data)");

    TraceForest forest = traces.snapshot();
    assertThat(forest.traces()).as("the trace broke at the stock service:\n%s", forest).hasSize(2);
    SpanNode warehouse = forest.spans().stream().filter(s -> s.serviceName().equals("warehouse")).findFirst().orElseThrow();
    SpanNode newRoot = warehouse.root();
    assertThat(newRoot.serviceName()).isEqualTo("stock-service");
    assertThat(newRoot.kind()).isEqualTo(SpanKind.CLIENT);
    SpanNode stockServer = forest.spans().stream()
        .filter(s -> s.serviceName().equals("stock-service") && s.kind() == SpanKind.SERVER).findFirst().orElseThrow();
    assertThat(stockServer.trace()).isNotSameAs(newRoot.trace());
    assertThat(newRoot.data().getStartEpochNanos())
        .as("the new root started while the stock service's server span was open")
        .isBetween(stockServer.data().getStartEpochNanos(), stockServer.data().getEndEpochNanos());
  }
}
