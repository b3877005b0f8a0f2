package io.github.tracecheck.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spans received from another process: attributed by trace (the test's client span), else to the
 * only running test, else kept apart; late ones counted; waiters woken. The other process is a
 * second real SDK whose exporter keeps its spans, as an OTLP receiver would hand them over.
 */
class SpanCaptureReceivedTest {

  private final SpanCapture capture = new SpanCapture(false, 3);
  private final SdkTracerProvider testJvm = SdkTracerProvider.builder().addSpanProcessor(capture).build();
  private final Tracer tracer = testJvm.get("test");
  private final InMemorySpanExporter remoteExporter = InMemorySpanExporter.create();
  private final SdkTracerProvider remoteProcess =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(remoteExporter)).build();
  private final ExecutorService otherTestThread = Executors.newSingleThreadExecutor();

  @AfterEach
  void close() throws Exception {
    otherTestThread.shutdownNow();
    assertThat(otherTestThread.awaitTermination(10, TimeUnit.SECONDS)).as("the other test's thread stopped").isTrue();
    testJvm.close();
    remoteProcess.close();
  }

  /** The server span another process makes for a request carrying {@code caller}'s context. */
  private SpanData remoteServerSpan(SpanContext caller, String name) {
    remoteExporter.reset();
    SpanContext remoteParent =
        SpanContext.createFromRemoteParent(caller.getTraceId(), caller.getSpanId(), caller.getTraceFlags(), caller.getTraceState());
    remoteProcess.get("remote").spanBuilder(name).setSpanKind(SpanKind.SERVER)
        .setParent(Context.root().with(Span.wrap(remoteParent))).startSpan().end();
    return remoteExporter.getFinishedSpanItems().get(0);
  }

  /** A root span another process starts on its own (no context came with the request). */
  private SpanData remoteRootSpan(String name) {
    remoteExporter.reset();
    remoteProcess.get("remote").spanBuilder(name).setNoParent().startSpan().end();
    return remoteExporter.getFinishedSpanItems().get(0);
  }

  private void beginOtherTest(String test) throws Exception {
    otherTestThread.submit(() -> capture.beginTest(test, false, 3)).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aReceivedSpanGoesToTheTestWhoseClientSpanStartedItsTraceWhileAnotherTestRuns() throws Exception {
    capture.beginTest("a", false, 3);
    beginOtherTest("b");
    Span client = tracer.spanBuilder("GET /orders").setSpanKind(SpanKind.CLIENT).startSpan();
    SpanData server = remoteServerSpan(client.getSpanContext(), "GET /orders server");
    client.end();

    capture.received(List.of(server));

    assertThat(capture.endedSpans("a")).extracting(SpanData::getName).containsExactly("GET /orders", "GET /orders server");
    assertThat(capture.endedSpans("b")).isEmpty();
    assertThat(capture.unattributed().spans()).isEmpty();
    assertThat(capture.snapshot("a").traces()).hasSize(1);
  }

  @Test
  void aReceivedRootGoesToTheOnlyRunningTest() {
    capture.beginTest("a", false, 3);

    capture.received(List.of(remoteRootSpan("orphan in the child")));

    assertThat(capture.endedSpans("a")).extracting(SpanData::getName).containsExactly("orphan in the child");
  }

  @Test
  void aReceivedRootWhileSeveralTestsRunIsKeptApartNotBlamed() throws Exception {
    capture.beginTest("a", false, 3);
    beginOtherTest("b");

    capture.received(List.of(remoteRootSpan("whose?")));

    assertThat(capture.endedSpans("a")).isEmpty();
    assertThat(capture.endedSpans("b")).isEmpty();
    assertThat(capture.unattributed().spans()).extracting(sn -> sn.name()).containsExactly("whose?");
  }

  @Test
  void withoutTestsReceivedSpansGoToTheDefaultCapture() {
    capture.received(List.of(remoteRootSpan("standalone")));

    assertThat(capture.endedSpans()).extracting(SpanData::getName).containsExactly("standalone");
  }

  @Test
  void aSpanArrivingAfterItsTestFinishedIsLateAndNotGivenToTheNextTest() {
    capture.beginTest("a", false, 3);
    Span client = tracer.spanBuilder("call").setSpanKind(SpanKind.CLIENT).startSpan();
    client.end();
    SpanData server = remoteServerSpan(client.getSpanContext(), "served late");
    capture.endTest("a");
    capture.beginTest("next", false, 3);

    capture.received(List.of(server));

    assertThat(capture.endedSpans("next")).isEmpty();
    assertThat(capture.lateSpans()).isEqualTo(1);
  }

  @Test
  void aTestContinuingAFinishedTestsTraceStillGetsItsReceivedSpans() {
    capture.beginTest("a", false, 3);
    Span client = tracer.spanBuilder("call").setSpanKind(SpanKind.CLIENT).startSpan();
    client.end();
    capture.endTest("a");
    capture.beginTest("b", false, 3);
    // Test b replays the same incoming trace: its own span starts in that trace first.
    Span again = tracer.spanBuilder("call again").setParent(Context.root().with(Span.wrap(client.getSpanContext()))).startSpan();
    again.end();

    capture.received(List.of(remoteServerSpan(again.getSpanContext(), "served to b")));

    assertThat(capture.endedSpans("b")).extracting(SpanData::getName).containsExactly("call again", "served to b");
    assertThat(capture.lateSpans()).isZero();
  }

  @Test
  void receivedSpansOverTheBoundAreCountedNotKept() {
    capture.beginTest("a", false, 3);
    List<SpanData> five = List.of(remoteRootSpan("1"), remoteRootSpan("2"), remoteRootSpan("3"), remoteRootSpan("4"), remoteRootSpan("5"));

    capture.received(five);

    assertThat(capture.endedSpans("a")).hasSize(3);
    assertThat(capture.droppedSpans("a")).isEqualTo(2);
  }

  @Test
  void anArrivalWakesAWaiter() throws Exception {
    capture.beginTest("a", false, 3);
    SpanData arriving = remoteRootSpan("from the child");
    CountDownLatch checkedBeforeArrival = new CountDownLatch(1);
    CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
      try {
        return capture.await(() -> {
          boolean arrived = capture.endedSpans("a").size() == 1;
          checkedBeforeArrival.countDown();
          return arrived;
        }, Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    });
    // the span arrives once the waiter has found it missing: only the arrival's signal can wake it
    assertThat(checkedBeforeArrival.await(10, TimeUnit.SECONDS)).as("the waiter checked").isTrue();

    capture.received(List.of(arriving));

    assertThat(waiter.get(20, TimeUnit.SECONDS)).as("the waiter saw the received span within its timeout").isTrue();
  }
}
