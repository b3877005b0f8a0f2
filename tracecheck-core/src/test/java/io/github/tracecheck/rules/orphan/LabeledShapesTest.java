package io.github.tracecheck.rules.orphan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.sun.net.httpserver.HttpServer;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.render.TraceTreeRenderer;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.otlp.OtlpJsonReader;
import io.github.tracecheck.otlp.OtlpJsonWriter;
import io.github.tracecheck.rules.EntryPoint;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.RuleOptions;
import io.github.tracecheck.testing.RealSdk;
import io.github.tracecheck.testing.StockServer;
import io.github.tracecheck.testing.MapCarrier;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The labeled set: correct and broken shapes produced by real code (the real SDK, real threads,
 * pools, the common pool, a parallel stream, a scheduler, HTTP servers and a message queue with
 * headers), one test per shape and evidence path, each asserting the exact orphan finding or none.
 * Every shape is checked twice: in the JVM, with the capture's thread data, and written to an OTLP
 * file and read back, where thread data is gone and the rule judges on service and time. The
 * precision and recall of each path over the labels are printed at the end.
 */
class LabeledShapesTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration TIMEOUT = new Duration(10, TimeUnit.SECONDS);

  /** What the rule should say: nothing, or one finding about a span with this cause. */
  private record Expect(String spanName, List<String> related, String likelyCause) {
    static final Expect NONE = new Expect(null, List.of(), null);

    boolean none() {
      return spanName == null;
    }
  }

  /** How long to wait for the code under test's own signals; a miss fails saying what was missing. */
  private record Duration(long amount, TimeUnit unit) {}

  /**
   * A shape: code that produces spans, whether it is broken (the label) and what the rule says in
   * the JVM and from a file.
   */
  private record Shape(String name, boolean broken, Scenario run, Expect inJvm, Expect fromFile, RuleOptions options) {
    Shape(String name, boolean broken, Scenario run, Expect inJvm, Expect fromFile) {
      this(name, broken, run, inJvm, fromFile, RuleOptions.defaults());
    }
  }

  @FunctionalInterface
  private interface Scenario {
    void run(RealSdk sdk) throws Exception;
  }

  @FunctionalInterface
  private interface Work {
    void run() throws Exception;
  }

  private static final Map<String, int[]> SCORES = new HashMap<>(); // path -> tp, fp, fn, tn

  @TestFactory
  Stream<DynamicTest> everyShapeInTheJvmAndFromAFile() {
    return shapes().stream().flatMap(shape -> Stream.of(
        dynamicTest(shape.name() + " (in the JVM)", () -> judge(shape, false)),
        dynamicTest(shape.name() + " (from an OTLP file)", () -> judge(shape, true))));
  }

  private static void judge(Shape shape, boolean fromFile) throws Exception {
    TraceForest forest;
    try (RealSdk sdk = new RealSdk()) {
      sdk.beginTest();
      shape.run().run(sdk);
      forest = sdk.snapshot();
    }
    if (fromFile) {
      // Written without the capture's starts, so without thread data: as files from other sources are.
      TraceForest spansOnly = TraceForest.of(forest.spans().stream().map(SpanNode::data).toList());
      forest = TraceForest.of(OtlpJsonReader.read(new StringReader(OtlpJsonWriter.write(spansOnly)), "shape.json"));
    }
    TraceForest finalForest = forest;
    List<Finding> findings = new OrphanedRootRule().check(forest, shape.options());
    Expect expect = fromFile ? shape.fromFile() : shape.inJvm();
    // Drawn only when an assertion fails: the traces the shape was judged on.
    Supplier<String> judged = () -> "findings on " + shape.name() + " in\n" + TraceTreeRenderer.create().render(finalForest);
    score(fromFile ? "from OTLP files" : "in the JVM", shape.broken(), !findings.isEmpty());
    if (expect.none()) {
      assertThat(findings).as(judged).isEmpty();
      return;
    }
    assertThat(findings).as(judged)
        .singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo(OrphanedRootRule.NAME);
      assertThat(f.spanName()).isEqualTo(expect.spanName());
      // The first related span is the hop's other end, or a span of its trace open at the time.
      assertThat(f.related()).hasSameSizeAs(expect.related());
      String causeTrace = finalForest.traces().stream()
          .filter(t -> !t.spansNamed(expect.related().get(0)).isEmpty() && t != f.span().orElseThrow().trace())
          .findFirst().orElseThrow().traceId();
      assertThat(f.related().get(0).traceId()).isEqualTo(causeTrace);
      assertThat(f.related()).extracting(SpanNode::name).containsAnyElementsOf(expect.related());
      assertThat(f.likelyCause()).isEqualTo(expect.likelyCause());
      if (fromFile) {
        assertThat(f.message()).doesNotContain("on thread");
      }
    });
  }

  private static synchronized void score(String path, boolean broken, boolean flagged) {
    int[] s = SCORES.computeIfAbsent(path, p -> new int[4]);
    s[broken ? (flagged ? 0 : 2) : (flagged ? 1 : 3)]++;
  }

  @AfterAll
  static void printPrecisionAndRecall() {
    SCORES.forEach((path, s) -> System.out.printf(Locale.ROOT,
        "orphaned-root over the labeled shapes %s: precision %.2f, recall %.2f (%d broken, %d correct; %d missed,"
            + " %d false findings)%n",
        path, s[0] + s[1] == 0 ? 1.0 : (double) s[0] / (s[0] + s[1]), (double) s[0] / (s[0] + s[2]),
        s[0] + s[2], s[1] + s[3], s[2], s[1]));
  }

  // --- the shapes ------------------------------------------------------------------------------

  private static List<Shape> shapes() {
    List<Shape> shapes = new ArrayList<>();
    // correct code a naive rule flags
    shapes.add(new Shape("two requests one after the other by an instrumented client on the test thread", false,
        LabeledShapesTest::twoInstrumentedRequests, Expect.NONE, Expect.NONE));
    shapes.add(new Shape("a fixed-rate job of the service, with and without requests in flight", false,
        LabeledShapesTest::fixedRateJob, Expect.NONE, Expect.NONE));
    shapes.add(new Shape("a producer root on the test thread after a consumer ended on another thread", false,
        LabeledShapesTest::producerAfterUnrelatedConsumer, Expect.NONE, Expect.NONE));
    shapes.add(new Shape("two independent server roots of two services that overlap in time", false,
        LabeledShapesTest::overlappingIndependentServers, Expect.NONE, Expect.NONE));
    shapes.add(new Shape("a batch consumer that links to its producers", false,
        LabeledShapesTest::batchConsumerLinks, Expect.NONE, Expect.NONE));
    shapes.add(new Shape("a consumer whose producer is not in the capture", false,
        LabeledShapesTest::consumerOfAnUntracedProducer, Expect.NONE, Expect.NONE));
    shapes.add(new Shape("a pool task wrapped with Context.taskWrapping", false,
        sdk -> poolTask(sdk, true), Expect.NONE, Expect.NONE));
    shapes.add(new Shape("a consumer that extracts the headers", false,
        sdk -> queueConsumer(sdk, true, true), Expect.NONE, Expect.NONE));
    shapes.add(new Shape("a declared entry point on a pool thread while a request is open", false,
        sdk -> poolTask(sdk, false), Expect.NONE, Expect.NONE,
        RuleOptions.defaults().withEntryPoints(List.of(EntryPoint.of("process *", "warms the cache on its own")))));

    // broken code
    Expect poolOrphan = new Expect("process order", List.of("POST /checkout"), LikelyCause.EXECUTOR);
    shapes.add(new Shape("a pool task without the submitter's context", true,
        sdk -> poolTask(sdk, false), poolOrphan, poolOrphan));
    shapes.add(new Shape("a supplyAsync stage that publishes without the caller's context", true,
        LabeledShapesTest::supplyAsyncPublish,
        // CompletableFuture runs async stages on a new thread per task when the common pool has one thread
        new Expect("orders publish", List.of("POST /checkout"),
            ForkJoinPool.getCommonPoolParallelism() > 1 ? LikelyCause.ASYNC_STAGE : LikelyCause.RAW_THREAD),
        new Expect("orders publish", List.of("POST /checkout"), LikelyCause.EXECUTOR)));
    shapes.add(new Shape("a parallel stream whose elements start spans without the caller's context", true,
        LabeledShapesTest::parallelStream,
        new Expect("price item", List.of("POST /checkout", "price item", "price item"), LikelyCause.PARALLEL_STREAM),
        new Expect("price item", List.of("POST /checkout", "price item", "price item"), LikelyCause.EXECUTOR)));
    Expect spring = new Expect("send invoice", List.of("POST /checkout"), LikelyCause.SPRING_EXECUTOR);
    shapes.add(new Shape("a Spring-style task executor without a TaskDecorator", true,
        sdk -> namedThreadTask(sdk, "task-1"), spring,
        new Expect("send invoice", List.of("POST /checkout"), LikelyCause.EXECUTOR)));
    shapes.add(new Shape("a raw thread started without the context", true,
        sdk -> namedThreadTask(sdk, "Thread-99"),
        new Expect("send invoice", List.of("POST /checkout"), LikelyCause.RAW_THREAD),
        new Expect("send invoice", List.of("POST /checkout"), LikelyCause.EXECUTOR)));
    String consumerCause = "the consumer did not extract the context from the Kafka record headers (traceparent), or"
        + " the producer did not inject it; a consumer may also link to the producer's context";
    Expect consumer = new Expect("orders process", List.of("orders publish"), consumerCause);
    shapes.add(new Shape("a consumer that does not extract the headers", true,
        sdk -> queueConsumer(sdk, false, true), consumer, consumer));
    shapes.add(new Shape("a hand-written consumer span without a destination and without a parent", true,
        sdk -> queueConsumer(sdk, false, false), consumer, consumer));
    Expect noConsumerSpan = new Expect("reserve stock", List.of("orders publish"), LikelyCause.CONSUMER_WITHOUT_EXTRACT);
    shapes.add(new Shape("a consumer that opens no consumer span and starts its work with a root context", true,
        LabeledShapesTest::consumerWorkWithoutSpan, noConsumerSpan, noConsumerSpan));
    Expect uninstrumented = new Expect("GET /stock/{sku}", List.of("reserve"),
        "the HTTP call was made without tracing, so no traceparent was sent (an uninstrumented client)");
    shapes.add(new Shape("a call without client instrumentation, the caller still working when the server span ends", true,
        LabeledShapesTest::uninstrumentedCall, uninstrumented, uninstrumented));
    Expect notExtracted = new Expect("GET /stock/{sku}", List.of("GET"),
        "the client call was not instrumented or did not inject traceparent into the request (for gRPC: no client"
            + " interceptor), or the server did not extract it");
    shapes.add(new Shape("a server that does not extract the client's traceparent", true,
        LabeledShapesTest::serverThatDoesNotExtract, notExtracted, notExtracted));
    shapes.add(new Shape("a fire-and-forget task that starts after its request ended", true,
        LabeledShapesTest::fireAndForget,
        new Expect("audit", List.of("POST /checkout"), LikelyCause.EXECUTOR),
        Expect.NONE)); // no thread data: nothing ties a root to a request that already ended
    return shapes;
  }

  // --- correct ---------------------------------------------------------------------------------

  private static void twoInstrumentedRequests(RealSdk sdk) throws Exception {
    Tracer client = sdk.tracer("storefront");
    Tracer server = sdk.tracer("inventory");
    HttpServer http = server(server, true);
    try {
      URI base = URI.create("http://127.0.0.1:" + http.getAddress().getPort());
      call(client, base, true);
      call(client, base, true);
    } finally {
      http.stop(0);
    }
  }

  private static void fixedRateJob(RealSdk sdk) throws Exception {
    Tracer service = sdk.tracer("inventory");
    int runs = 8;
    CountDownLatch done = new CountDownLatch(runs);
    CountDownLatch halfway = new CountDownLatch(runs / 2);
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "inventory-scheduler"));
    AtomicInteger count = new AtomicInteger();
    scheduler.scheduleAtFixedRate(() -> {
      if (count.incrementAndGet() <= runs) {
        service.spanBuilder("refresh stock").startSpan().end();
        halfway.countDown();
        done.countDown();
      }
    }, 0, 50, TimeUnit.MILLISECONDS); // a scheduler stalled 9 periods (a loaded machine) no longer looks steady
    try {
      await(halfway, "half of the scheduled runs");
      // a request of the same service while the job keeps running
      Span request = service.spanBuilder("GET /stock").setSpanKind(SpanKind.SERVER).startSpan();
      await(done, "every scheduled run");
      request.end();
    } finally {
      scheduler.shutdownNow();
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static void producerAfterUnrelatedConsumer(RealSdk sdk) throws Exception {
    Tracer worker = sdk.tracer("order-worker");
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "orders-consumer-1"));
    try {
      Map<String, String> headers = new HashMap<>();
      pool.submit(() -> consume(worker, Context.root(), true).end()).get();
      publish(sdk.tracer("storefront"), headers); // the test publishes next, on its own thread
    } finally {
      pool.shutdownNow();
    }
  }

  private static void overlappingIndependentServers(RealSdk sdk) {
    // Two requests from two untraced clients, timed as they overlapped in a real run.
    long t0 = System.currentTimeMillis();
    sdk.tracer("billing").spanBuilder("POST /invoices").setSpanKind(SpanKind.SERVER)
        .setAttribute("http.request.method", "POST")
        .setStartTimestamp(t0, TimeUnit.MILLISECONDS).startSpan().end(t0 + 100, TimeUnit.MILLISECONDS);
    sdk.tracer("inventory").spanBuilder("GET /stock").setSpanKind(SpanKind.SERVER)
        .setAttribute("http.request.method", "GET")
        .setStartTimestamp(t0 + 50, TimeUnit.MILLISECONDS).startSpan().end(t0 + 150, TimeUnit.MILLISECONDS);
  }

  private static void batchConsumerLinks(RealSdk sdk) throws Exception {
    Map<String, String> headers = new HashMap<>();
    publish(sdk.tracer("api-gateway"), headers);
    Tracer worker = sdk.tracer("order-worker");
    onThread("orders-consumer-1", () -> {
      Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, MapCarrier.GETTER);
      worker.spanBuilder("orders process").setSpanKind(SpanKind.CONSUMER).setNoParent()
          .addLink(Span.fromContext(extracted).getSpanContext())
          .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", "orders")
          .startSpan().end();
    });
  }

  private static void consumerOfAnUntracedProducer(RealSdk sdk) throws Exception {
    Tracer worker = sdk.tracer("order-worker");
    onThread("orders-consumer-1", () -> consume(worker, Context.root(), true).end());
  }

  // --- broken ----------------------------------------------------------------------------------

  private static void poolTask(RealSdk sdk, boolean wrapped) throws Exception {
    Tracer tracer = sdk.tracer("api-gateway");
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker-1"));
    ExecutorService executor = wrapped ? Context.taskWrapping(pool) : pool;
    try {
      Span checkout = tracer.spanBuilder("POST /checkout").setSpanKind(SpanKind.SERVER).startSpan();
      onThread("http-handler-1", () -> {
        try (Scope ignored = checkout.makeCurrent()) {
          executor.submit(() -> tracer.spanBuilder("process order").startSpan().end()).get();
        } finally {
          checkout.end();
        }
      });
    } finally {
      pool.shutdownNow();
    }
  }

  /** A server span open on a handler thread while {@code work} runs under it. */
  private static void underRequest(Tracer tracer, Work work) throws Exception {
    Span checkout = tracer.spanBuilder("POST /checkout").setSpanKind(SpanKind.SERVER).setNoParent().startSpan();
    onThread("http-handler-1", () -> {
      try (Scope ignored = checkout.makeCurrent()) {
        work.run();
      } finally {
        checkout.end();
      }
    });
  }

  private static void supplyAsyncPublish(RealSdk sdk) throws Exception {
    Tracer tracer = sdk.tracer("api-gateway");
    underRequest(tracer, () -> {
      CountDownLatch published = new CountDownLatch(1);
      CompletableFuture<Span> stage = CompletableFuture.supplyAsync(() -> {
        Span publish = tracer.spanBuilder("orders publish").setSpanKind(SpanKind.PRODUCER).setNoParent()
            .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", "orders")
            .startSpan();
        publish.end();
        published.countDown();
        return publish;
      }, ForkJoinPool.commonPool());
      // Not get(): a thread waiting in get() may run the queued stage itself, on the request's own
      // thread, which is another shape (a busy machine made it so now and then).
      await(published, "the supplyAsync stage");
      stage.join();
    });
  }

  private static void parallelStream(RealSdk sdk) throws Exception {
    Tracer tracer = sdk.tracer("api-gateway");
    // Each element waits for a partner element on another thread, so the common pool surely takes some.
    CyclicBarrier pairs = new CyclicBarrier(2);
    underRequest(tracer, () -> IntStream.range(0, 12).parallel().forEach(i -> {
      try {
        pairs.await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("no partner element ran on another thread within 10 s", e);
      }
      tracer.spanBuilder("price item").startSpan().end();
    }));
  }

  private static void namedThreadTask(RealSdk sdk, String threadName) throws Exception {
    Tracer tracer = sdk.tracer("api-gateway");
    underRequest(tracer, () -> onThread(threadName, () -> tracer.spanBuilder("send invoice").startSpan().end()));
  }

  private static void queueConsumer(RealSdk sdk, boolean extract, boolean withDestination) throws Exception {
    BlockingQueue<Map<String, String>> queue = new LinkedBlockingQueue<>();
    Map<String, String> headers = new HashMap<>();
    publish(sdk.tracer("api-gateway"), headers);
    queue.add(headers);
    Tracer worker = sdk.tracer("order-worker");
    onThread("orders-consumer-1", () -> {
      Map<String, String> received = queue.poll(10, TimeUnit.SECONDS);
      Context parent = extract
          ? W3CTraceContextPropagator.getInstance().extract(Context.root(), received, MapCarrier.GETTER)
          : Context.root();
      consume(worker, parent, withDestination).end();
    });
  }

  private static void consumerWorkWithoutSpan(RealSdk sdk) throws Exception {
    Map<String, String> headers = new HashMap<>();
    publish(sdk.tracer("api-gateway"), headers);
    Tracer worker = sdk.tracer("order-worker");
    onThread("orders-consumer-1", () -> worker.spanBuilder("reserve stock").setNoParent().startSpan().end());
  }

  private static void uninstrumentedCall(RealSdk sdk) throws Exception {
    HttpServer http = server(sdk.tracer("inventory"), true);
    Tracer gateway = sdk.tracer("api-gateway");
    try {
      URI base = URI.create("http://127.0.0.1:" + http.getAddress().getPort());
      Span reserve = gateway.spanBuilder("reserve").startSpan();
      onThread("http-handler-1", () -> {
        try (Scope ignored = reserve.makeCurrent()) {
          send(base, Map.of()); // an untraced HTTP client: no client span, no traceparent
          // The caller goes on with the answer while the server span ends (after its response): how
          // long the server takes to end it is up to the scheduler, and the rule's tail for a caller
          // that ended first is not what this shape is about (GrpcHopTest, CallHop's own tests).
          sdk.awaitEnded("GET /stock/{sku}");
        } finally {
          reserve.end();
        }
      });
    } finally {
      http.stop(0);
    }
  }

  private static void serverThatDoesNotExtract(RealSdk sdk) throws Exception {
    HttpServer http = server(sdk.tracer("inventory"), false);
    try {
      call(sdk.tracer("api-gateway"), URI.create("http://127.0.0.1:" + http.getAddress().getPort()), true);
    } finally {
      http.stop(0);
    }
  }

  private static void fireAndForget(RealSdk sdk) throws Exception {
    Tracer tracer = sdk.tracer("api-gateway");
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker-1"));
    CountDownLatch requestEnded = new CountDownLatch(1);
    try {
      Span checkout = tracer.spanBuilder("POST /checkout").setSpanKind(SpanKind.SERVER).startSpan();
      java.util.concurrent.Future<?>[] task = new java.util.concurrent.Future<?>[1];
      onThread("http-handler-1", () -> {
        try (Scope ignored = checkout.makeCurrent()) {
          task[0] = pool.submit(() -> {
            await(requestEnded, "the end of the request");
            tracer.spanBuilder("audit").startSpan().end();
            return null;
          });
        } finally {
          checkout.end();
          requestEnded.countDown();
        }
      });
      task[0].get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  // --- real parts ------------------------------------------------------------------------------

  private static void publish(Tracer producer, Map<String, String> headers) {
    Span publish = producer.spanBuilder("orders publish").setSpanKind(SpanKind.PRODUCER)
        .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", "orders")
        .startSpan();
    try (Scope ignored = publish.makeCurrent()) {
      W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
    } finally {
      publish.end();
    }
  }

  private static Span consume(Tracer tracer, Context parent, boolean withDestination) {
    var builder = tracer.spanBuilder("orders process").setSpanKind(SpanKind.CONSUMER).setParent(parent)
        .setAttribute("messaging.system", "kafka");
    if (withDestination) {
      builder.setAttribute("messaging.destination.name", "orders");
    }
    return builder.startSpan();
  }

  private static HttpServer server(Tracer serverTracer, boolean extract) throws Exception {
    return StockServer.start(serverTracer, extract);
  }

  private static void call(Tracer clientTracer, URI base, boolean inject) throws Exception {
    Span client = clientTracer.spanBuilder("GET").setSpanKind(SpanKind.CLIENT)
        .setAttribute("http.request.method", "GET")
        .setAttribute("url.full", base + "/stock/42").startSpan();
    try (Scope ignored = client.makeCurrent()) {
      Map<String, String> headers = new HashMap<>();
      if (inject) {
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
      }
      send(base, headers);
    } finally {
      client.end();
    }
  }

  private static void send(URI base, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/stock/42")).GET();
    headers.forEach(request::header);
    assertThat(HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
  }

  private static void onThread(String name, Work work) throws Exception {
    Throwable[] failure = new Throwable[1];
    Thread thread = new Thread(() -> {
      try {
        work.run();
      } catch (Throwable t) {
        failure[0] = t;
      }
    }, name);
    thread.start();
    thread.join(TimeUnit.SECONDS.toMillis(10));
    if (thread.isAlive()) {
      throw new AssertionError("thread " + name + " did not finish within 10 s");
    }
    if (failure[0] != null) {
      throw new AssertionError("thread " + name + " failed", failure[0]);
    }
  }

  private static void await(CountDownLatch latch, String what) throws InterruptedException {
    if (!latch.await(TIMEOUT.amount(), TIMEOUT.unit())) {
      throw new AssertionError("waited " + TIMEOUT.amount() + " " + TIMEOUT.unit() + " for " + what);
    }
  }
}
