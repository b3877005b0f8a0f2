package io.github.tracecheck.rules.orphan;

import static io.github.tracecheck.testing.TestSpans.OTHER_TRACE_ID;
import static io.github.tracecheck.testing.TestSpans.TRACE_ID;
import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.RuleOptions;
import io.github.tracecheck.testing.MapCarrier;
import io.github.tracecheck.testing.RealSdk;
import io.github.tracecheck.testing.StockServer;
import io.github.tracecheck.testing.TestSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrphanedRootRuleTest {

  private final RealSdk sdk = new RealSdk();
  private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker-1"));

  @AfterEach
  void close() {
    pool.shutdownNow();
    sdk.close();
  }

  private static List<Finding> check(TraceForest forest, RuleOptions options) {
    return new OrphanedRootRule().check(forest, options);
  }

  private static List<Finding> check(TraceForest forest) {
    return check(forest, RuleOptions.defaults());
  }

  // --- worker pools -------------------------------------------------------------------------

  @Test
  void taskRunWithoutTheSubmittersContextIsAnOrphan() throws Exception {
    Tracer tracer = sdk.tracer("api-gateway");
    Span checkout = tracer.spanBuilder("POST /checkout").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = checkout.makeCurrent()) {
      pool.submit(() -> tracer.spanBuilder("process order").startSpan().end()).get();
    } finally {
      checkout.end();
    }

    List<Finding> findings = check(sdk.snapshot());

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("orphaned-root");
      assertThat(f.spanName()).isEqualTo("process order");
      assertThat(f.related()).extracting(n -> n.name()).containsExactly("POST /checkout");
      assertThat(f.message())
          .isEqualTo(
              "span \"process order\" (api-gateway) started a new trace on thread \"worker-1\" while span"
                  + " \"POST /checkout\" (api-gateway) in trace " + f.related().get(0).traceId()
                  + " was open on thread \"" + Thread.currentThread().getName() + "\"");
      assertThat(f.likelyCause())
          .isEqualTo(
              "the task ran without the submitter's context: wrap the executor with"
                  + " Context.taskWrapping(executor) or the task with Context.current().wrap(task)");
    });
  }

  @Test
  void taskRunWithTheSubmittersContextIsConnected() throws Exception {
    Tracer tracer = sdk.tracer("api-gateway");
    ExecutorService wrapped = Context.taskWrapping(pool);
    Span checkout = tracer.spanBuilder("POST /checkout").startSpan();
    try (Scope ignored = checkout.makeCurrent()) {
      wrapped.submit(() -> tracer.spanBuilder("process order").startSpan().end()).get();
    } finally {
      checkout.end();
    }

    assertThat(check(sdk.snapshot())).isEmpty();
  }

  @Test
  void taskStartedWhileTheSubmitterIsStillOpenNamesIt() throws Exception {
    Tracer tracer = sdk.tracer("svc");
    Span checkout = tracer.spanBuilder("POST /checkout").startSpan();
    try (Scope ignored = checkout.makeCurrent()) {
      pool.submit(() -> tracer.spanBuilder("process order").startSpan().end()).get();
    }

    assertThat(check(sdk.snapshot()))
        .singleElement()
        .extracting(Finding::message)
        .isEqualTo(
            "span \"process order\" (svc) started a new trace on thread \"worker-1\" while span"
                + " \"POST /checkout\" (still open) was open on thread \"" + Thread.currentThread().getName() + "\"");
    checkout.end();
  }

  @Test
  void sequentialRootsOnTheSameThreadAreIndependentWork() {
    Tracer tracer = sdk.tracer("svc");
    tracer.spanBuilder("first request").startSpan().end();
    tracer.spanBuilder("second request").startSpan().end();

    assertThat(check(sdk.snapshot())).isEmpty();
  }

  // --- messaging ----------------------------------------------------------------------------

  private Map<String, String> publish(Tracer producerTracer) {
    Map<String, String> headers = new HashMap<>();
    Span publish =
        producerTracer.spanBuilder("orders publish").setSpanKind(SpanKind.PRODUCER)
            .setAttribute("messaging.system", "kafka")
            .setAttribute("messaging.destination.name", "orders")
            .startSpan();
    try (Scope ignored = publish.makeCurrent()) {
      W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
    } finally {
      publish.end();
    }
    return headers;
  }

  private static Span consume(Tracer tracer, Context parent) {
    return tracer.spanBuilder("orders process").setSpanKind(SpanKind.CONSUMER).setParent(parent)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", "orders")
        .startSpan();
  }

  @Test
  void consumerThatDoesNotExtractTheHeadersIsAnOrphanOfItsProducer() throws Exception {
    publish(sdk.tracer("api-gateway"));
    Tracer worker = sdk.tracer("order-worker");
    pool.submit(() -> consume(worker, Context.root()).end()).get();

    TraceForest forest = sdk.snapshot();
    assertThat(check(forest)).singleElement().satisfies(f -> {
      assertThat(f.related()).extracting(n -> n.name()).containsExactly("orders publish");
      assertThat(f.message())
          .isEqualTo(
              "consumer span \"orders process\" (order-worker) started a new trace, but producer span"
                  + " \"orders publish\" (api-gateway) sent to Kafka topic \"orders\" in trace "
                  + f.related().get(0).traceId() + ": the hop \"orders publish\" (api-gateway) ->"
                  + " \"orders process\" (order-worker) is broken");
      assertThat(f.likelyCause())
          .isEqualTo(
              "the consumer did not extract the context from the Kafka record headers (traceparent), or the"
                  + " producer did not inject it; a consumer may also link to the producer's context");
    });
  }

  @Test
  void consumerThatExtractsTheHeadersIsConnected() throws Exception {
    Map<String, String> headers = publish(sdk.tracer("api-gateway"));
    Tracer worker = sdk.tracer("order-worker");
    pool.submit(() -> {
      Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, MapCarrier.GETTER);
      consume(worker, extracted).end();
    }).get();

    assertThat(check(sdk.snapshot())).isEmpty();
  }

  @Test
  void batchConsumerThatLinksToItsProducersIsConnectedUnlessLinksAreNotAccepted() throws Exception {
    Map<String, String> headers = publish(sdk.tracer("api-gateway"));
    Tracer worker = sdk.tracer("order-worker");
    pool.submit(() -> {
      Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, MapCarrier.GETTER);
      worker.spanBuilder("orders process").setSpanKind(SpanKind.CONSUMER).setNoParent()
          .addLink(Span.fromContext(extracted).getSpanContext())
          .setAttribute("messaging.system", "kafka")
          .setAttribute("messaging.destination.name", "orders")
          .startSpan().end();
    }).get();

    TraceForest forest = sdk.snapshot();
    assertThat(check(forest)).isEmpty();
    assertThat(check(forest, RuleOptions.defaults().withLinksConnect(false)))
        .singleElement()
        .extracting(Finding::likelyCause)
        .isEqualTo(
            "the consumer did not extract the context from the Kafka record headers (traceparent), or the producer"
                + " did not inject it");
  }

  @Test
  void consumerOfAnotherDestinationIsNotBlamedOnTheProducer() {
    publish(sdk.tracer("api-gateway"));
    sdk.tracer("billing").spanBuilder("invoices process").setSpanKind(SpanKind.CONSUMER)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", "invoices")
        .startSpan().end();

    assertThat(check(sdk.snapshot())).isEmpty();
  }

  // --- HTTP and RPC -------------------------------------------------------------------------

  private HttpServer server(Tracer serverTracer, boolean extract) throws Exception {
    return StockServer.start(serverTracer, extract);
  }

  private void call(Tracer clientTracer, URI base, boolean inject) throws Exception {
    Span client = clientTracer.spanBuilder("GET").setSpanKind(SpanKind.CLIENT)
        .setAttribute("http.request.method", "GET")
        .setAttribute("url.full", base + "/stock/sku-42").startSpan();
    try (Scope ignored = client.makeCurrent()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/stock/sku-42"));
      if (inject) {
        W3CTraceContextPropagator.getInstance().inject(Context.current(), request, HttpRequest.Builder::header);
      }
      HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
    } finally {
      client.end();
    }
  }

  @Test
  void serverThatStartsANewTraceWhileTheClientCallsItIsAnOrphan() throws Exception {
    HttpServer server = server(sdk.tracer("inventory"), true);
    try {
      call(sdk.tracer("api-gateway"), URI.create("http://127.0.0.1:" + server.getAddress().getPort()), false);
    } finally {
      server.stop(0);
    }

    assertThat(check(sdk.snapshot())).singleElement().satisfies(f -> {
      assertThat(f.spanName()).isEqualTo("GET /stock/{sku}");
      assertThat(f.message())
          .startsWith("server span \"GET /stock/{sku}\" (inventory) started a new trace, but client span"
              + " \"GET\" (api-gateway) was calling GET /stock/sku-42 at that time in trace ")
          .endsWith(": the hop \"GET\" (api-gateway) -> \"GET /stock/{sku}\" (inventory) is broken");
      assertThat(f.likelyCause())
          .isEqualTo(
              "the client call was not instrumented or did not inject traceparent into the request (for"
                  + " gRPC: no client interceptor), or the server did not extract it");
    });
  }

  @Test
  void serverThatContinuesTheClientsTraceIsConnected() throws Exception {
    HttpServer server = server(sdk.tracer("inventory"), true);
    try {
      call(sdk.tracer("api-gateway"), URI.create("http://127.0.0.1:" + server.getAddress().getPort()), true);
    } finally {
      server.stop(0);
    }

    assertThat(check(sdk.snapshot())).isEmpty();
  }

  @Test
  void twoIndependentRequestsFromAnUninstrumentedClientAreNotOrphans() throws Exception {
    HttpServer server = server(sdk.tracer("inventory"), true);
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stock/sku-1");
      HttpClient client = HttpClient.newHttpClient();
      client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
      client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
    } finally {
      server.stop(0);
    }

    TraceForest forest = sdk.snapshot();
    assertThat(forest.traces()).hasSize(2);
    assertThat(check(forest)).isEmpty();
  }

  @Test
  void clientCallingAnotherPathIsNotTheCause() {
    TraceForest forest =
        TraceForest.of(
            List.of(
                span("GET", id(1)).kind(SpanKind.CLIENT).attr("http.request.method", "GET")
                    .attr("url.full", "http://inventory/prices/sku-1").time(0, 10).build(),
                span("GET /stock/{sku}", id(2)).trace(OTHER_TRACE_ID).kind(SpanKind.SERVER)
                    .attr("http.request.method", "GET").attr("http.route", "/stock/{sku}").time(2, 8).build()));

    assertThat(check(forest)).isEmpty();
  }

  @Test
  void grpcServerIsMatchedToTheClientByServiceAndMethod() {
    TraceForest forest =
        TraceForest.of(
            List.of(
                span("auth.Auth/Validate", id(1)).kind(SpanKind.CLIENT).service("api-gateway")
                    .attr("rpc.system", "grpc").attr("rpc.service", "auth.Auth").attr("rpc.method", "Validate")
                    .time(0, 10).build(),
                span("auth.Auth/Validate", id(2)).trace(OTHER_TRACE_ID).kind(SpanKind.SERVER).service("auth")
                    .attr("rpc.system", "grpc").attr("rpc.service", "auth.Auth").attr("rpc.method", "Validate")
                    .time(2, 8).build(),
                // another method, called after the client span ended: not this client's call
                span("auth.Auth/Refresh", id(3)).trace("11111111111111111111111111111111").kind(SpanKind.SERVER)
                    .attr("rpc.system", "grpc").attr("rpc.service", "auth.Auth").attr("rpc.method", "Refresh")
                    .time(12, 18).build()));

    assertThat(check(forest))
        .singleElement()
        .extracting(Finding::message)
        .isEqualTo(
            "server span \"auth.Auth/Validate\" (auth) started a new trace, but client span"
                + " \"auth.Auth/Validate\" (api-gateway) was calling grpc auth.Auth/Validate at that time in"
                + " trace 0af7651916cd43dd8448eb211c80319c: the hop \"auth.Auth/Validate\" (api-gateway) ->"
                + " \"auth.Auth/Validate\" (auth) is broken");
  }

  @Test
  void serverStartedAfterTheClientCallEndedIsNotItsOrphan() {
    TraceForest forest =
        TraceForest.of(
            List.of(
                span("auth.Auth/Validate", id(1)).kind(SpanKind.CLIENT)
                    .attr("rpc.system", "grpc").attr("rpc.service", "auth.Auth").attr("rpc.method", "Validate")
                    .time(0, 10).build(),
                span("auth.Auth/Validate", id(2)).trace(OTHER_TRACE_ID).kind(SpanKind.SERVER)
                    .attr("rpc.system", "grpc").attr("rpc.service", "auth.Auth").attr("rpc.method", "Validate")
                    .time(20, 30).build()));

    assertThat(check(forest)).isEmpty();
  }

  @Test
  void producersOfTwoTracesWithTheSameSpanIdAreEachContinuedByTheirLink() {
    TraceForest forest =
        producersSharingASpanId(consumer -> consumer.link(TRACE_ID, id(1)).link(OTHER_TRACE_ID, id(1)));

    // with both producers continued, the consumer without context has nobody's message to blame
    assertThat(check(forest)).extracting(Finding::message).isEmpty();
  }

  @Test
  void aLinkContinuesOnlyTheProducerOfItsOwnTraceAmongProducersSharingASpanId() {
    TraceForest forest = producersSharingASpanId(consumer -> consumer.link(TRACE_ID, id(1)));

    // the producer of the other trace still waits: the consumer without context lost it
    assertThat(check(forest)).extracting(Finding::message)
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .contains("in trace " + OTHER_TRACE_ID);
  }

  /**
   * Producers of two traces that share a span id, a consumer in a third trace that links as {@code
   * links} makes it, and a consumer without context that a producer still waiting would explain.
   */
  private static TraceForest producersSharingASpanId(UnaryOperator<TestSpans.Builder> links) {
    return TraceForest.of(
        List.of(
            span("orders publish", id(1)).kind(SpanKind.PRODUCER).service("api-gateway")
                .attr("messaging.system", "kafka").attr("messaging.destination.name", "orders").time(0, 2).build(),
            span("orders publish", id(1)).trace(OTHER_TRACE_ID).kind(SpanKind.PRODUCER).service("api-gateway")
                .attr("messaging.system", "kafka").attr("messaging.destination.name", "orders").time(3, 4).build(),
            links.apply(span("orders process", id(2)).trace("11111111111111111111111111111111")
                .kind(SpanKind.CONSUMER).service("order-worker").attr("messaging.system", "kafka")
                .attr("messaging.destination.name", "orders")).time(5, 9).build(),
            span("orders process", id(3)).trace("22222222222222222222222222222222").kind(SpanKind.CONSUMER)
                .service("order-worker").attr("messaging.system", "kafka")
                .attr("messaging.destination.name", "orders").time(6, 8).build()));
  }

  @Test
  void findingDrawsBothTreesWithTheOrphanAndItsCauseMarked() {
    TraceForest forest =
        TraceForest.of(
            List.of(
                span("orders publish", id(1)).kind(SpanKind.PRODUCER).service("api-gateway")
                    .attr("messaging.system", "kafka").attr("messaging.destination.name", "orders").time(0, 2).build(),
                span("orders process", id(2)).trace(OTHER_TRACE_ID).kind(SpanKind.CONSUMER).service("order-worker")
                    .attr("messaging.system", "kafka").attr("messaging.destination.name", "orders").time(5, 9).build()));

    Finding finding = check(forest).get(0);

    assertThat(io.github.tracecheck.render.FindingsReport.render(finding, forest, io.github.tracecheck.render.TraceTreeRenderer.create()))
        .isEqualTo(
            "[orphaned-root] consumer span \"orders process\" (order-worker) started a new trace, but producer"
                + " span \"orders publish\" (api-gateway) sent to Kafka topic \"orders\" in trace"
                + " 0af7651916cd43dd8448eb211c80319c: the hop \"orders publish\" (api-gateway) -> \"orders process\""
                + " (order-worker) is broken\n"
                + "  likely cause: the consumer did not extract the context from the Kafka record headers (traceparent),"
                + " or the producer did not inject it; a consumer may also link to the producer's context\n"
                + "  trace 4bf92f3577b34da6a3ce929d0e0e4736 (1 span)\n"
                + "  >> orders process [CONSUMER] order-worker {messaging.system=kafka,"
                + " messaging.destination.name=orders} 4.0 ms\n"
                + "  trace 0af7651916cd43dd8448eb211c80319c (1 span)\n"
                + "  >> orders publish [PRODUCER] api-gateway {messaging.system=kafka,"
                + " messaging.destination.name=orders} 2.0 ms");
  }

  @Test
  void serverCalledWithoutAnyClientSpanInsideAnotherServicesSpanIsAnOrphan() {
    TraceForest forest =
        TraceForest.of(
            List.of(
                span("POST /checkout", id(1)).kind(SpanKind.SERVER).service("api-gateway").time(0, 100).build(),
                span("auth.Auth/Validate", id(2)).trace(OTHER_TRACE_ID).kind(SpanKind.SERVER).service("auth-service")
                    .attr("rpc.system", "grpc").attr("rpc.service", "auth.Auth").attr("rpc.method", "Validate")
                    .time(10, 20).build(),
                // a second request to the gateway itself, in flight at the same time: never blamed
                span("GET /health", id(3)).trace("11111111111111111111111111111111").kind(SpanKind.SERVER)
                    .service("api-gateway").time(30, 40).build()));

    assertThat(check(forest)).singleElement().satisfies(f -> {
      assertThat(f.message()).isEqualTo(
          "server span \"auth.Auth/Validate\" (auth-service) started a new trace while span \"POST /checkout\""
              + " (api-gateway) in trace 0af7651916cd43dd8448eb211c80319c was in progress, and no client span calls"
              + " it: the hop from \"api-gateway\" -> \"auth.Auth/Validate\" (auth-service) is broken");
      assertThat(f.likelyCause()).isEqualTo(
          "the gRPC call was made without tracing, so no traceparent was sent (no client interceptor on the channel)");
    });
  }

  // --- recurring jobs and repeated orphans (explicit times, no thread data) -------------------

  private static String trace(int n) {
    return String.format("%032x", n + 1);
  }

  @Test
  void aJobOnItsOwnScheduleIsAnEntryPointAlsoWhileARequestIsInFlight() {
    List<io.opentelemetry.sdk.trace.data.SpanData> spans = new java.util.ArrayList<>();
    for (int run = 0; run < 4; run++) {
      spans.add(span("refresh stock", id(run + 1)).trace(trace(run)).service("inventory")
          .time(run * 10L, run * 10L + 1).build());
    }
    spans.add(span("GET /stock", id(9)).trace(trace(9)).kind(SpanKind.SERVER).service("inventory").time(15, 35).build());

    assertThat(check(TraceForest.of(spans))).isEmpty();
  }

  @Test
  void tasksThatLoseTheirRequestsContextInALoopAreNoScheduleAndAreOneFinding() {
    List<io.opentelemetry.sdk.trace.data.SpanData> spans = new java.util.ArrayList<>();
    for (int request = 0; request < 3; request++) {
      long start = request * 10L;
      spans.add(span("POST /checkout", id(request + 1)).trace(trace(request)).kind(SpanKind.SERVER)
          .service("api-gateway").time(start, start + 8).build());
      spans.add(span("process order", id(request + 11)).trace(trace(request + 10)).service("api-gateway")
          .time(start + 2, start + 3).build());
    }

    assertThat(check(TraceForest.of(spans))).singleElement().satisfies(f -> {
      assertThat(f.spanName()).isEqualTo("process order");
      assertThat(f.related()).extracting(n -> n.name()).containsExactly("POST /checkout", "process order", "process order");
      assertThat(f.message()).isEqualTo(
          "span \"process order\" (api-gateway) started a new trace while span \"POST /checkout\" (api-gateway) of the"
              + " same service in trace " + trace(0) + " was in flight (inferred from service and time: the spans carry"
              + " no thread data); 2 more roots named \"process order\" (api-gateway) lost the context the same way"
              + " (3 in all; next: span " + id(12) + " in trace " + trace(11) + ", span " + id(13) + " in trace "
              + trace(12) + ")");
    });
  }

  /**
   * The SDK times each trace from its own clock anchor; a thread preempted while the anchor is read
   * shifts a whole trace, so that parallel-stream tasks seemed to start just after their request
   * ended, with nothing else of the service running: taken for a job on its own schedule.
   */
  @Test
  void tasksWhoseTraceClockSeemsToStartJustAfterTheirRequestEndedAreNoSchedule() {
    List<io.opentelemetry.sdk.trace.data.SpanData> spans = new java.util.ArrayList<>();
    spans.add(span("POST /checkout", id(1)).trace(trace(1)).kind(SpanKind.SERVER).service("api-gateway")
        .time(100, 110).build());
    for (int task = 0; task < 4; task++) {
      long start = task < 2 ? 108 + task : 111 + task - 2; // the last two "start" after the request ended
      spans.add(span("price item", id(task + 11)).trace(trace(task + 11)).service("api-gateway")
          .time(start, start).build());
    }

    assertThat(check(TraceForest.of(spans))).singleElement().satisfies(f -> {
      assertThat(f.spanName()).isEqualTo("price item");
      assertThat(f.related()).extracting(n -> n.name()).first().isEqualTo("POST /checkout");
      assertThat(f.message()).contains("(2 in all");
    });
  }

  @Test
  void aRootStartingWellAfterTheOtherRequestEndedIsNoOrphan() {
    TraceForest forest = TraceForest.of(List.of(
        span("POST /checkout", id(1)).trace(trace(1)).kind(SpanKind.SERVER).service("api-gateway").time(100, 110).build(),
        span("refresh prices", id(2)).trace(trace(2)).service("api-gateway").time(113, 114).build()));

    assertThat(check(forest)).isEmpty();
  }

  // --- thread names from the thread.name attribute (the Java agent), no capture -----------------

  @Test
  void aTaskOnAnotherAgentThreadWhileItsRequestIsOpenIsAnOrphanSayingWhereTheThreadsCameFrom() {
    TraceForest forest = TraceForest.of(List.of(
        span("POST /checkout", id(1)).trace(trace(1)).kind(SpanKind.SERVER).service("api-gateway")
            .attr("thread.name", "http-nio-8080-exec-1").time(0, 20).build(),
        span("process order", id(2)).trace(trace(2)).service("api-gateway")
            .attr("thread.name", "task-1").time(5, 6).build()));

    assertThat(check(forest)).singleElement().satisfies(f -> {
      assertThat(f.message()).isEqualTo(
          "span \"process order\" (api-gateway) started a new trace on thread \"task-1\" while span \"POST /checkout\""
              + " (api-gateway) in trace " + trace(1) + " was open on thread \"http-nio-8080-exec-1\" (threads from"
              + " the thread.name attribute)");
      assertThat(f.likelyCause()).isEqualTo(LikelyCause.SPRING_EXECUTOR);
    });
  }

  @Test
  void rootsOneAfterTheOtherOnOneAgentThreadAreIndependentWork() {
    TraceForest forest = TraceForest.of(List.of(
        span("GET /a", id(1)).trace(trace(1)).service("api-gateway").attr("thread.name", "main").time(0, 5).build(),
        span("GET /b", id(2)).trace(trace(2)).service("api-gateway").attr("thread.name", "main").time(6, 9).build()));

    assertThat(check(forest)).isEmpty();
  }
}
