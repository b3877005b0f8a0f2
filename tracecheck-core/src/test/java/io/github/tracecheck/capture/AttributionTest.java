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
    // a late span of the finished test: never the default capture's, nor a running test's
    assertThat(attribution.spanStarted(childOf(root), Thread.currentThread())).isSameAs(Attribution.LATE);
    attribution.begin("b", elsewhere);
    assertThat(attribution.spanStarted(childOf(root), new Thread(() -> { }, "pool"))).isSameAs(Attribution.LATE);
  }

  @Test
  void theTestMarkedInTheParentContextWinsOnAnyThread() {
    attribution.begin("a", Thread.currentThread());
    attribution.begin("b", elsewhere);
    Thread pool = new Thread(() -> { }, "pool");

    // a task wrapped with b's context runs on a thread a owns: b's
    assertThat(attribution.spanStarted(TestContext.rootFor("b"), root(), Thread.currentThread())).isEqualTo("b");
    assertThat(attribution.spanStarted(TestContext.rootFor("a"), root(), pool)).isEqualTo("a");

    attribution.end("a");
    assertThat(attribution.spanStarted(TestContext.rootFor("a"), root(), pool)).isSameAs(Attribution.LATE);
  }

  @Test
  void aSpanWhoseParentATestOwnsIsThatTestsAlsoOnAServerThread() {
    attribution.begin("a", Thread.currentThread());
    attribution.begin("b", elsewhere);
    ReadableSpan client = root();
    attribution.spanStarted(TestContext.rootFor("a"), client, Thread.currentThread());

    assertThat(attribution.spanStarted(childOf(client), new Thread(() -> { }, "http-server-1"))).isEqualTo("a");
  }

  @Test
  void twoTestsContinuingOneIncomingTraceIdStayTwoTests() {
    attribution.begin("a", Thread.currentThread());
    attribution.begin("b", elsewhere);
    ReadableSpan incoming = root();
    ReadableSpan ofA = childOf(incoming);
    ReadableSpan ofB = childOf(incoming);
    assertThat(attribution.spanStarted(TestContext.rootFor("a"), ofA, Thread.currentThread())).isEqualTo("a");
    assertThat(attribution.ownerOfTrace(ofA.getSpanContext().getTraceId())).isEqualTo("a");
    assertThat(attribution.spanStarted(TestContext.rootFor("b"), ofB, elsewhere)).isEqualTo("b");

    // a server span continuing the same incoming id, on a thread neither owns: neither test's
    Thread server = new Thread(() -> { }, "http-server-1");
    assertThat(attribution.spanStarted(childOf(incoming), server)).isSameAs(Attribution.UNATTRIBUTED);
    assertThat(attribution.ownerOfTrace(ofA.getSpanContext().getTraceId())).isNull();
    // but children of each test's own spans follow their parents
    assertThat(attribution.spanStarted(childOf(ofB), server)).isEqualTo("b");
  }

  @Test
  void aRootOnAThreadThatRanTracedTestsButRunsNoneNowIsNobodysEvenWithOneTestRunning() {
    attribution.begin("a", elsewhere);
    attribution.end("a");
    attribution.begin("b", Thread.currentThread());

    // the thread that ran "a" now runs a test class without @TraceCheck
    assertThat(attribution.spanStarted(root(), elsewhere)).isSameAs(Attribution.UNATTRIBUTED);
    // an application's pool thread still gives its roots to the only running test
    assertThat(attribution.spanStarted(root(), new Thread(() -> { }, "pool"))).isEqualTo("b");
  }

  @Test
  void ownersAreRememberedUpToTheTestsBound() {
    attribution.begin("a", Thread.currentThread(), 2);
    attribution.begin("b", elsewhere);
    ReadableSpan first = root();
    ReadableSpan second = root();
    ReadableSpan third = root();
    attribution.spanStarted(TestContext.rootFor("a"), first, Thread.currentThread());
    attribution.spanStarted(TestContext.rootFor("a"), second, Thread.currentThread());
    attribution.spanStarted(TestContext.rootFor("a"), third, Thread.currentThread());

    Thread server = new Thread(() -> { }, "http-server-1");
    assertThat(attribution.spanStarted(childOf(second), server)).isEqualTo("a");
    // past the bound nothing is remembered: the test fails for its bound, and memory stays flat
    assertThat(attribution.spanStarted(childOf(third), server)).isSameAs(Attribution.UNATTRIBUTED);
  }

  @Test
  void whatIsRememberedStaysFlatPastTheBound() {
    attribution.begin("a", Thread.currentThread(), 100);
    for (int i = 0; i < 50_000; i++) {
      ReadableSpan span = root();
      attribution.spanStarted(TestContext.rootFor("a"), span, Thread.currentThread());
      attribution.spanEnded(span);
    }
    // 100 spans' and 100 traces' owners, however many more spans the test starts
    assertThat(attribution.rememberedOwners()).isEqualTo(200);

    attribution.end("a");
    assertThat(attribution.rememberedOwners()).isZero();
  }
}
