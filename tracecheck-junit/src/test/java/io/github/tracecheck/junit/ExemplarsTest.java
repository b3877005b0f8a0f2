package io.github.tracecheck.junit;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.capture.CapturedMetrics;
import io.github.tracecheck.model.SpanNode;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The Metrics SDK of {@code @TraceCheck}: a histogram recorded inside a span keeps it as an exemplar
 * (trace-based filter); one recorded on a pool thread without the context has none.
 */
@TraceCheck
class ExemplarsTest {

  private static DoubleHistogram histogram(OpenTelemetry openTelemetry, String name) {
    return openTelemetry.getMeter("checkout").histogramBuilder(name).setUnit("ms").build();
  }

  @Test
  void aHistogramRecordedInsideASpanHasItsExemplar(OpenTelemetry openTelemetry, Tracer tracer, CapturedTraces traces) {
    DoubleHistogram duration = histogram(openTelemetry, "checkout.duration");
    Span span = tracer.spanBuilder("POST /checkout").startSpan();
    try (Scope scope = span.makeCurrent()) {
      duration.record(42.0, Attributes.of(AttributeKey.stringKey("outcome"), "ok"));
    } finally {
      span.end();
    }
    SpanNode checkout = traces.snapshot().traces().get(0).firstRoot();

    assertThat(traces.metrics())
        .hasExemplarsOn("checkout.duration")
        .hasExemplarFor("checkout.duration", checkout);
  }

  @Test
  void aHistogramRecordedWhereTheContextWasLostHasNone(OpenTelemetry openTelemetry, Tracer tracer, CapturedTraces traces)
      throws Exception {
    DoubleHistogram duration = histogram(openTelemetry, "pricing.duration");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Span span = tracer.spanBuilder("price order").startSpan();
      try (Scope scope = span.makeCurrent()) {
        // the pool is not wrapped with Context.taskWrapping: the measurement runs with no span current
        CompletableFuture.runAsync(() -> duration.record(7.0), pool).get();
        CompletableFuture.runAsync(Context.current().wrap(() -> duration.record(8.0,
            Attributes.of(AttributeKey.stringKey("path"), "wrapped"))), pool).get();
      } finally {
        span.end();
      }
    } finally {
      pool.shutdown();
    }
    SpanNode pricing = traces.snapshot().traces().get(0).firstRoot();
    CapturedMetrics metrics = traces.metrics();

    assertThat(metrics).hasExemplarFor("pricing.duration", pricing);
    assertThatThrownBy(() -> assertThat(metrics).hasExemplarsOn("pricing.duration"))
        .hasMessageContaining("Expecting every point of instrument \"pricing.duration\" to have an exemplar from a span")
        .hasMessageContaining("but 1 of 2 points have none");
    assertThatThrownBy(() -> assertThat(metrics).hasExemplarsOn("never.recorded"))
        .hasMessageContaining("but it recorded nothing");
  }
}
