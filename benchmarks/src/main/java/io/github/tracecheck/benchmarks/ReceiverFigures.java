package io.github.tracecheck.benchmarks;

import io.github.tracecheck.capture.SpanCapture;
import io.github.tracecheck.receiver.OtlpEndpoints;
import io.github.tracecheck.receiver.OtlpReceiver;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.github.tracecheck.receiver.internal.ExportDecoder;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The OTLP receiver's figures, each next to its in-JVM baseline measured in the same run:
 *
 * <ul>
 *   <li>arrival-to-await latency: an export request reaches the receiver (loopback OTLP/HTTP) ->
 *       the await on the capture returns; baseline: an in-JVM span ends -> the await returns;
 *   <li>one export's round trip: a 512-span request from the SDK's OTLP exporters (OkHttp
 *       underneath, which leaves Nagle's algorithm on) until the receiver's answer, one at a time;
 *       baseline: the same bytes posted by the JDK's HttpClient (which turns Nagle's algorithm off);
 *   <li>throughput: 100,000 spans from four exporting SDKs through the receiver into the capture;
 *       baseline: the same spans through the SDK's batch processor into its in-memory exporter. The
 *       senders are the SDK's own (batch processor, 512-span batches, one request in flight each,
 *       OkHttp underneath) and share the two cores with the receiver, as in a test. Each kind runs
 *       {@value #WARMUP_RUNS} times to warm the JIT up, then {@value #MEASURED_RUNS} times, interleaved.
 * </ul>
 *
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.tracecheck.benchmarks.ReceiverFigures}.
 */
public final class ReceiverFigures {

  private static final int WARMUP = 300;
  private static final int RUNS = 1000;
  private static final int SENDERS = 4;
  private static final int SPANS_PER_SENDER = 25_000;
  private static final int WARMUP_RUNS = 2;
  private static final int MEASURED_RUNS = 3;
  private static final int ROUND_TRIPS = 200;

  private ReceiverFigures() {}

  public static void main(String[] args) throws Exception {
    decodeRate();
    exportRoundTrip();
    long[] inJvm = inJvmAwaitLatency();
    long[][] received = receivedAwaitLatency();
    System.out.println(line("in-JVM await (span end -> await returns), baseline", inJvm));
    System.out.println(line("received await (export request arrives -> await returns)", received[0]));
    System.out.println(line("received end to end (span ends in the sender -> await returns)", received[1]));
    System.out.printf(Locale.ROOT, "median ratio, received arrival-to-await / in-JVM await: %.2fx%n",
        (double) received[0][RUNS / 2] / inJvm[RUNS / 2]);

    for (int run = 0; run < WARMUP_RUNS; run++) {
      throughput("in-memory", ReceiverFigures::inMemoryExport);
      throughput("receiver", ReceiverFigures::receiverExport);
      throughput("receiver over gRPC", ReceiverFigures::receiverGrpcExport);
    }
    for (int run = 1; run <= MEASURED_RUNS; run++) {
      double baseline = throughput("in-memory", ReceiverFigures::inMemoryExport);
      double receiver = throughput("receiver", ReceiverFigures::receiverExport);
      double grpc = throughput("receiver over gRPC", ReceiverFigures::receiverGrpcExport);
      System.out.printf(Locale.ROOT, "throughput, run %d: receiver over OTLP/HTTP %,.0f spans/s (%.2fx), over OTLP/gRPC %,.0f spans/s (%.2fx);"
          + " baseline, the SDK's batch processor into its in-memory exporter: %,.0f spans/s%n",
          run, receiver, receiver / baseline, grpc, grpc / baseline, baseline);
    }
  }

  private static String line(String what, long[] sorted) {
    return String.format(Locale.ROOT, "%s over %d awaits: median %.3f ms, p90 %.3f ms, p99 %.3f ms", what, RUNS,
        sorted[RUNS / 2] / 1e6, sorted[RUNS * 9 / 10] / 1e6, sorted[RUNS * 99 / 100] / 1e6);
  }

  private static long[] inJvmAwaitLatency() throws Exception {
    SpanCapture capture = new SpanCapture(false);
    long[] latencies = new long[RUNS];
    try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(capture).build()) {
      Tracer tracer = provider.get("baseline");
      Waiter waiter = new Waiter(capture);
      for (int i = 0; i < WARMUP + RUNS; i++) {
        capture.reset();
        Future<Long> returned = waiter.await("awaited");
        long ended = System.nanoTime();
        tracer.spanBuilder("awaited").startSpan().end();
        record(latencies, i, returned.get() - ended);
      }
      waiter.close();
    }
    Arrays.sort(latencies);
    return latencies;
  }

  /** [0]: arrival -> await returns; [1]: span end in the sender -> await returns. */
  private static long[][] receivedAwaitLatency() throws Exception {
    SpanCapture capture = new SpanCapture(false);
    AtomicLong arrived = new AtomicLong();
    long[] fromArrival = new long[RUNS];
    long[] endToEnd = new long[RUNS];
    try (OtlpReceiver receiver = OtlpReceiver.builder().sink(spans -> {
          arrived.set(System.nanoTime());
          capture.received(spans);
        }).start();
        SdkTracerProvider sender = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(
            OtlpHttpSpanExporter.builder().setEndpoint(receiver.endpoints().http() + "/v1/traces").build())).build()) {
      Tracer tracer = sender.get("sender");
      Waiter waiter = new Waiter(capture);
      for (int i = 0; i < WARMUP + RUNS; i++) {
        capture.reset();
        Future<Long> returned = waiter.await("awaited");
        long ended = System.nanoTime();
        tracer.spanBuilder("awaited").startSpan().end();
        long done = returned.get();
        record(fromArrival, i, done - arrived.get());
        record(endToEnd, i, done - ended);
        // The await returns before the receiver has answered the export: let the export finish, or
        // the exporter's HTTP client piles calls up until its executor rejects one (a lost span).
        sender.forceFlush().join(10, TimeUnit.SECONDS);
      }
      waiter.close();
    }
    Arrays.sort(fromArrival);
    Arrays.sort(endToEnd);
    return new long[][] {fromArrival, endToEnd};
  }

  private static void record(long[] latencies, int i, long latency) {
    if (i >= WARMUP) {
      latencies[i - WARMUP] = latency;
    }
  }

  /**
   * The receiver's own work on one 512-span OTLP protobuf request - decoding it into SpanData and
   * handing the spans to the capture - next to the SDK's serialization of the same spans (what an
   * exporter does per request), both warm, in-process, without transport.
   */
  private static void decodeRate() throws Exception {
    List<SpanData> spans = requestSpans();
    byte[] body = protobuf(spans);
    int requests = 400;
    double decode = 0;
    double serialize = 0;
    for (int round = 0; round < 5; round++) { // the last round counts: the first ones warm the JIT up
      SpanCapture capture = new SpanCapture(false, requests * spans.size());
      long start = System.nanoTime();
      for (int k = 0; k < requests; k++) {
        capture.received(ExportDecoder.protobuf(body));
      }
      long decoded = System.nanoTime();
      for (int k = 0; k < requests; k++) {
        TraceRequestMarshaler.create(spans).writeBinaryTo(new ByteArrayOutputStream(body.length));
      }
      long serialized = System.nanoTime();
      decode = requests * spans.size() / ((decoded - start) / 1e9);
      serialize = requests * spans.size() / ((serialized - decoded) / 1e9);
    }
    System.out.printf(Locale.ROOT, "receiver's own work, 512-span requests decoded into the capture: %,.0f spans/s (%.2fx);"
        + " baseline, the SDK serializing the same spans: %,.0f spans/s%n", decode, decode / serialize, serialize);
  }

  /** The 512 spans of one export request, as the SDK made them. */
  private static List<SpanData> requestSpans() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    // Read before the provider closes: shutting the exporter down empties it.
    try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
      for (int i = 0; i < 512; i++) {
        provider.get("decode").spanBuilder("span " + i).setAttribute("index", i).startSpan().end();
      }
      return exporter.getFinishedSpanItems();
    }
  }

  private static byte[] protobuf(List<SpanData> spans) throws IOException {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    TraceRequestMarshaler.create(spans).writeBinaryTo(request);
    return request.toByteArray();
  }

  /**
   * One 512-span export at a time, from the request to the receiver's answer: the SDK's exporters
   * over OTLP/HTTP and OTLP/gRPC, and the JDK's HttpClient posting the same bytes over OTLP/HTTP.
   */
  private static void exportRoundTrip() throws Exception {
    List<SpanData> spans = requestSpans();
    byte[] body = protobuf(spans);
    SpanCapture capture = new SpanCapture(false, spans.size()); // past the bound spans are only counted
    try (OtlpReceiver receiver = OtlpReceiver.builder().sink(capture::received).start()) {
      SpanExporter http = OtlpHttpSpanExporter.builder().setEndpoint(receiver.endpoints().http() + "/v1/traces").build();
      SpanExporter grpc = OtlpGrpcSpanExporter.builder().setEndpoint(receiver.endpoints().grpc().toString()).build();
      HttpClient jdk = HttpClient.newHttpClient();
      HttpRequest post = HttpRequest.newBuilder(URI.create(receiver.endpoints().http() + "/v1/traces"))
          .header("Content-Type", "application/x-protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      long[] sdkHttp = roundTrips(() -> check(http.export(spans).join(10, TimeUnit.SECONDS).isSuccess()));
      long[] sdkGrpc = roundTrips(() -> check(grpc.export(spans).join(10, TimeUnit.SECONDS).isSuccess()));
      long[] jdkHttp = roundTrips(() -> check(jdk.send(post, HttpResponse.BodyHandlers.discarding()).statusCode() == 200));
      http.shutdown();
      grpc.shutdown();
      System.out.printf(Locale.ROOT, "one 512-span export (%,d bytes), request to answer, median (p90): SDK exporter over OTLP/HTTP %.2f ms (%.2f),"
          + " over OTLP/gRPC %.2f ms (%.2f); baseline, the JDK's HttpClient posting the same bytes: %.2f ms (%.2f)%n", body.length,
          sdkHttp[ROUND_TRIPS / 2] / 1e6, sdkHttp[ROUND_TRIPS * 9 / 10] / 1e6, sdkGrpc[ROUND_TRIPS / 2] / 1e6,
          sdkGrpc[ROUND_TRIPS * 9 / 10] / 1e6, jdkHttp[ROUND_TRIPS / 2] / 1e6, jdkHttp[ROUND_TRIPS * 9 / 10] / 1e6);
    }
  }

  /** Sorted durations of {@value #ROUND_TRIPS} calls, after as many to warm up. */
  private static long[] roundTrips(Call call) throws Exception {
    long[] durations = new long[ROUND_TRIPS];
    for (int i = 0; i < 2 * ROUND_TRIPS; i++) {
      long start = System.nanoTime();
      call.run();
      if (i >= ROUND_TRIPS) {
        durations[i - ROUND_TRIPS] = System.nanoTime() - start;
      }
    }
    Arrays.sort(durations);
    return durations;
  }

  private static void check(boolean answered) {
    if (!answered) {
      throw new IllegalStateException("an export was not accepted");
    }
  }

  /** One export, which may throw. */
  private interface Call {
    void run() throws Exception;
  }

  /** Spans per second for {@code SENDERS * SPANS_PER_SENDER} spans made on four threads and delivered. */
  private static double throughput(String what, Supplier<Delivery> setup) throws Exception {
    Delivery delivery = setup.get();
    try {
      long start = System.nanoTime();
      List<CompletableFuture<Void>> sent = new ArrayList<>();
      for (SdkTracerProvider sender : delivery.senders()) {
        sent.add(CompletableFuture.runAsync(() -> {
          Tracer tracer = sender.get("throughput");
          for (int i = 0; i < SPANS_PER_SENDER; i++) {
            tracer.spanBuilder("span " + i).setAttribute("index", i).startSpan().end();
          }
          sender.forceFlush().join(60, TimeUnit.SECONDS);
        }));
      }
      sent.forEach(CompletableFuture::join);
      if (!delivery.allArrived().getAsBoolean()) {
        throw new IllegalStateException(what + ": not every span was delivered");
      }
      return SENDERS * SPANS_PER_SENDER / ((System.nanoTime() - start) / 1e9);
    } finally {
      delivery.close();
    }
  }

  private static Delivery inMemoryExport() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    return new Delivery(senders(() -> exporter),
        () -> exporter.getFinishedSpanItems().size() == SENDERS * SPANS_PER_SENDER, () -> { });
  }

  private static Delivery receiverExport() {
    return receiverExport(endpoints -> OtlpHttpSpanExporter.builder().setEndpoint(endpoints.http() + "/v1/traces").build());
  }

  private static Delivery receiverGrpcExport() {
    return receiverExport(endpoints -> OtlpGrpcSpanExporter.builder().setEndpoint(endpoints.grpc().toString()).build());
  }

  private static Delivery receiverExport(java.util.function.Function<OtlpEndpoints, SpanExporter> exporter) {
    SpanCapture capture = new SpanCapture(false, SENDERS * SPANS_PER_SENDER);
    // Counted as they enter the capture: awaiting on the capture's own list would copy it (up to
    // 100,000 spans, under the capture's lock, holding intake up) at every arrival.
    AtomicLong received = new AtomicLong();
    OtlpReceiver receiver = OtlpReceiver.builder().sink(spans -> {
      capture.received(spans);
      received.addAndGet(spans.size());
    }).start();
    return new Delivery(senders(() -> exporter.apply(receiver.endpoints())),
        () -> {
          try {
            return capture.await(() -> received.get() == SENDERS * SPANS_PER_SENDER, Duration.ofSeconds(60))
                && capture.endedSpans().size() == SENDERS * SPANS_PER_SENDER;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        },
        receiver::close);
  }

  private static List<SdkTracerProvider> senders(Supplier<SpanExporter> exporter) {
    List<SdkTracerProvider> senders = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      senders.add(SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(exporter.get())
          .setMaxQueueSize(SPANS_PER_SENDER).setMaxExportBatchSize(Integer.getInteger("batch", 512)).build()).build());
    }
    return senders;
  }

  /** Where the throughput run's spans go, how to know they all arrived, and what to close after. */
  private record Delivery(List<SdkTracerProvider> senders, BooleanSupplier allArrived,
      Runnable closer) implements AutoCloseable {
    @Override
    public void close() {
      senders.forEach(SdkTracerProvider::close);
      closer.run();
    }
  }

  /** Awaits a span on its own thread, returning when the await returned; starts waiting before the span ends. */
  private static final class Waiter implements AutoCloseable {
    private final SpanCapture capture;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Thread waiterThread;

    Waiter(SpanCapture capture) throws Exception {
      this.capture = capture;
      Thread[] t = new Thread[1];
      thread.submit(() -> t[0] = Thread.currentThread()).get();
      this.waiterThread = t[0];
    }

    Future<Long> await(String name) {
      Future<Long> returned = thread.submit(() -> {
        boolean found = capture.await(
            () -> capture.snapshot().spans().stream().anyMatch(s -> s.name().equals(name)), Duration.ofSeconds(10));
        if (!found) {
          throw new IllegalStateException("timed out awaiting " + name);
        }
        return System.nanoTime();
      });
      // Measure from when the waiter is blocked on the capture's signal, as a test's await would be.
      while (waiterThread.getState() != Thread.State.TIMED_WAITING) {
        Thread.onSpinWait();
      }
      return returned;
    }

    @Override
    public void close() {
      thread.shutdownNow();
    }
  }
}
