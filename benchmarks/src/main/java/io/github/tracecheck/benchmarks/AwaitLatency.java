package io.github.tracecheck.benchmarks;

import io.github.tracecheck.capture.SpanCapture;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Await latency: from the moment the awaited span ends to the moment the await returns, the way
 * {@code CapturedTraces.awaitSpan} waits (the capture's signal, a fresh snapshot, the condition).
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.tracecheck.benchmarks.AwaitLatency}.
 */
public final class AwaitLatency {

  private AwaitLatency() {}

  public static void main(String[] args) throws Exception {
    int warmup = 500;
    int runs = 2000;
    SpanCapture capture = new SpanCapture(false);
    try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(capture).build()) {
      Tracer tracer = provider.get("await-latency");
      ExecutorService waiter = Executors.newSingleThreadExecutor();
      Thread[] waiterThread = new Thread[1];
      waiter.submit(() -> waiterThread[0] = Thread.currentThread()).get();
      long[] latencies = new long[runs];
      for (int i = 0; i < warmup + runs; i++) {
        capture.reset();
        Span span = tracer.spanBuilder("awaited").startSpan();
        // a few spans already there, as in a real test
        for (int k = 0; k < 20; k++) {
          tracer.spanBuilder("earlier " + k).startSpan().end();
        }
        Future<Long> returned = waiter.submit(() -> {
          awaitSpan(capture, "awaited");
          return System.nanoTime();
        });
        // End the span only once the waiter is blocked on the capture's signal.
        while (waiterThread[0].getState() != Thread.State.TIMED_WAITING) {
          Thread.onSpinWait();
        }
        long ended = System.nanoTime();
        span.end();
        long latency = returned.get() - ended;
        if (i >= warmup) {
          latencies[i - warmup] = latency;
        }
      }
      waiter.shutdown();
      Arrays.sort(latencies);
      System.out.printf(Locale.ROOT, "Await latency over %d awaits (span end -> await returns): median %.3f ms, p90 %.3f ms,"
          + " p99 %.3f ms, max %.3f ms%n", runs, latencies[runs / 2] / 1e6, latencies[runs * 9 / 10] / 1e6,
          latencies[runs * 99 / 100] / 1e6, latencies[runs - 1] / 1e6);
    }
  }

  /** What CapturedTraces.awaitSpan does: wait on the capture's signal, checking a fresh snapshot. */
  private static void awaitSpan(SpanCapture capture, String name) throws InterruptedException {
    boolean ended = capture.await(
        () -> capture.snapshot().spans().stream().anyMatch(s -> s.name().equals(name)), Duration.ofSeconds(10));
    if (!ended) {
      throw new IllegalStateException("timed out");
    }
  }
}
