package io.github.tracecheck.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which test owns a span: thread owner, then trace owner, then the only running test. */
class AttributionTest {

  // With no processor at all the SDK would not record spans; these spans are never exported.
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create())).build();
  private final Tracer tracer = provider.get("test");
  private final Attribution attribution = new Attribution();
  private final Thread elsewhere = new Thread(() -> { }, "server");

  @AfterEach
  void close() {
    provider.close();
  }

  private static ReadableSpan readable(Span span) {
    return (ReadableSpan) span;
  }

  private ReadableSpan root() {
    return readable(tracer.spanBuilder("root").setNoParent().startSpan());
  }

  private ReadableSpan childOf(ReadableSpan parent) {
    return readable(tracer.spanBuilder("child").setParent(Context.root().with((Span) parent)).startSpan());
  }

  @Test
  void withoutTestsEverySpanGoesToTheDefaultCapture() {
    assertThat(attribution.spanStarted(root(), Thread.currentThread())).isSameAs(Attribution.DEFAULT);
    assertThat(attribution.testOf(Thread.currentThread())).isSameAs(Attribution.DEFAULT);
  }

  @Test
  void aTraceFollowsTheTestOnWhoseThreadItsRootStarted() {
    attribution.begin("a", Thread.currentThread());
    attribution.begin("b", elsewhere);
    ReadableSpan root = root();

    assertThat(attribution.spanStarted(root, Thread.currentThread())).isEqualTo("a");
    assertThat(attribution.spanStarted(childOf(root), elsewhere)).isEqualTo("a");
    assertThat(attribution.spanStarted(root(), elsewhere)).isEqualTo("b");
  }

  @Test
  void aRootOnAThreadNoTestOwnsGoesToTheOnlyRunningTestElseToNone() {
    Thread pool = new Thread(() -> { }, "pool");
    attribution.begin("a", Thread.currentThread());
    assertThat(attribution.spanStarted(root(), pool)).isEqualTo("a");
    assertThat(attribution.testOf(pool)).isEqualTo("a");

    attribution.begin("b", elsewhere);
    assertThat(attribution.spanStarted(root(), pool)).isSameAs(Attribution.UNATTRIBUTED);
    assertThat(attribution.testOf(pool)).isSameAs(Attribution.DEFAULT);
  }

  @Test
  void aFinishedTestOwnsNothing() {
    attribution.begin("a", Thread.currentThread());
    ReadableSpan root = root();
    ReadableSpan open = readable(tracer.spanBuilder("open").startSpan());
    attribution.spanStarted(root, Thread.currentThread());
    attribution.spanStarted(open, Thread.currentThread());

    attribution.end("a");

    assertThat(attribution.spanEnded(open)).isNull();
    assertThat(attribution.spanStarted(childOf(root), Thread.currentThread())).isSameAs(Attribution.DEFAULT);
  }
}
