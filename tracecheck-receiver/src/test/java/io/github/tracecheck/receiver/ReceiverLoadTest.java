package io.github.tracecheck.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.capture.SpanCapture;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * 100,000 spans from four exporters at once (HTTP and gRPC, plain and gzip): every one arrives,
 * once, and the capture holds no more than its bound.
 */
class ReceiverLoadTest {

  private static final int SENDERS = 4;
  private static final int SPANS_PER_SENDER = 25_000;

  @Test
  void nothingIsLostUnderOneHundredThousandSpansFromSeveralExporters() throws Exception {
    SpanCapture capture = new SpanCapture(false, SENDERS * SPANS_PER_SENDER);
    List<Rejection> rejections = new CopyOnWriteArrayList<>();
    try (OtlpReceiver receiver = OtlpReceiver.builder().sink(capture::received).onRejection(rejections::add).start()) {
      List<RemoteSdk> senders = List.of(
          RemoteSdk.http(receiver.endpoints(), "http-plain", false, SPANS_PER_SENDER),
          RemoteSdk.http(receiver.endpoints(), "http-gzip", true, SPANS_PER_SENDER),
          RemoteSdk.grpc(receiver.endpoints(), "grpc-plain", false, SPANS_PER_SENDER),
          RemoteSdk.grpc(receiver.endpoints(), "grpc-gzip", true, SPANS_PER_SENDER));
      try {
        List<CompletableFuture<Boolean>> sent = new ArrayList<>();
        for (RemoteSdk sender : senders) {
          sent.add(CompletableFuture.supplyAsync(() -> {
            for (int i = 0; i < SPANS_PER_SENDER; i++) {
              sender.tracer().spanBuilder("span " + i).startSpan().end();
            }
            return sender.flush();
          }));
        }
        for (CompletableFuture<Boolean> done : sent) {
          assertThat(done.join()).as("every exporter's flush succeeded").isTrue();
        }
      } finally {
        senders.forEach(RemoteSdk::close);
      }

      int expected = SENDERS * SPANS_PER_SENDER;
      boolean all = capture.await(() -> capture.endedSpans().size() == expected, Duration.ofSeconds(60));
      assertThat(all).as("all %s spans arrived; got %s", expected, capture.endedSpans().size()).isTrue();
    }
    Set<String> ids = new HashSet<>();
    for (SpanData span : capture.endedSpans()) {
      ids.add(span.getSpanContext().getSpanId());
    }
    assertThat(ids).as("each span once").hasSize(SENDERS * SPANS_PER_SENDER);
    assertThat(capture.droppedSpans(capture.testOfCurrentThread())).isZero();
    assertThat(rejections).isEmpty();
  }
}
