package io.github.tracecheck.benchmarks;

import io.github.tracecheck.capture.SpanCapture;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Locale;

/**
 * Heap retained per captured span: tracecheck's capture (SpanData in the in-memory exporter, plus
 * the record of each start and the attribution maps) against opentelemetry-sdk-testing's
 * InMemorySpanExporter alone, for the same 200,000 spans with 8 attributes each.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.tracecheck.benchmarks.MemoryPerSpan}.
 */
public final class MemoryPerSpan {

  private static final int SPANS = 200_000;

  private MemoryPerSpan() {}

  public static void main(String[] args) {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    long sdkOnly = retained(SimpleSpanProcessor.create(exporter));
    SpanCapture capture = new SpanCapture(false, Integer.MAX_VALUE);
    capture.beginTest("memory", false, Integer.MAX_VALUE);
    long tracecheck = retained(capture);
    System.out.printf(Locale.ROOT, "Heap retained per span (%d spans, 8 attributes): InMemorySpanExporter %d bytes,"
        + " tracecheck's capture %d bytes (%.2fx)%n", SPANS, sdkOnly / SPANS, tracecheck / SPANS, (double) tracecheck / sdkOnly);
    // The capture must still hold every span it was measured with.
    if (capture.endedSpans("memory").size() != SPANS) {
      throw new IllegalStateException("spans were lost: " + capture.endedSpans("memory").size());
    }
  }

  private static long retained(SpanProcessor processor) {
    long before = usedAfterGc();
    try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(processor).build()) {
      Tracer tracer = provider.get("memory");
      for (int i = 0; i < SPANS; i++) {
        Span span = tracer.spanBuilder("GET /orders/{id}").setSpanKind(SpanKind.SERVER)
            .setAttribute("http.request.method", "GET")
            .setAttribute("http.route", "/orders/{id}")
            .setAttribute("url.full", "https://shop.example.com/orders/" + i)
            .setAttribute("http.response.status_code", 200L)
            .setAttribute("server.address", "shop.example.com")
            .setAttribute("server.port", 443L)
            .setAttribute("user_agent.original", "okhttp/4.12.0")
            .setAttribute("order.id", "order-" + i)
            .startSpan();
        span.end();
      }
      return usedAfterGc() - before;
    }
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 5; i++) {
      System.gc();
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
