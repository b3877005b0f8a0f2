package io.github.tracecheck.samples.quickstart;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static io.github.tracecheck.assertj.TraceCheckAssertions.span;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.TraceCheck;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@TraceCheck
class QuickStartTest {

  @Test
  void orderIsProcessedInsideTheCheckoutTrace(Tracer tracer, CapturedTraces traces) throws Exception {
    // Context.taskWrapping hands the submitter's context to each task: remove it and the test fails.
    ExecutorService pool = Context.taskWrapping(Executors.newSingleThreadExecutor());
    Span checkout = tracer.spanBuilder("POST /checkout").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope scope = checkout.makeCurrent()) {
      pool.submit(() -> tracer.spanBuilder("process order").startSpan().end()).get();
    } finally {
      checkout.end();
      pool.shutdown();
    }

    assertThat(traces.awaitAllEnded())
        .singleTrace()
        .hasShape(span("POST /checkout").kind(SpanKind.SERVER).children(span("process order")));
  }
}
