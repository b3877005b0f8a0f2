package io.github.tracecheck.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.otlp.OtlpFormatException;
import io.github.tracecheck.otlp.OtlpJsonReader;
import io.github.tracecheck.otlp.OtlpJsonWriter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Reading on a thread of its own: the same spans in the same order, bounded, and every failure reported. */
class ReadAheadTest {

  private static final long PATIENCE_NANOS = 10_000_000_000L;

  /** Two spans a chunk and two chunks in the queue, so that a few spans already fill it. */
  private final ReadAhead readAhead = new ReadAhead(2, 2);

  @Test
  void theTakerGetsEverySpanInTheOrderRead() {
    List<SpanData> spans = WindowedCheckerTest.busyStream(100);
    List<SpanData> taken = new ArrayList<>();

    readAhead.run(spans::forEach, taken::add);

    assertThat(taken).containsExactlyElementsOf(spans);
  }

  @Test
  void badInputIsThrownOnTheTakersThreadAfterEverySpanReadBeforeIt() {
    // a valid document on the first line, a number where the resource spans belong on the second
    String firstLine = OtlpJsonWriter.write(TraceForest.of(WindowedCheckerTest.busyStream(3))).replace("\n", "");
    byte[] file = (firstLine + "\n{\"resourceSpans\": [5]}\n").getBytes(StandardCharsets.UTF_8);
    List<SpanData> readAlone = new ArrayList<>();
    OtlpFormatException alone = catchThrowableOfType(OtlpFormatException.class,
        () -> OtlpJsonReader.stream(new ByteArrayInputStream(file), "two.jsonl", readAlone::add));
    List<SpanData> taken = new ArrayList<>();

    OtlpFormatException ahead = catchThrowableOfType(OtlpFormatException.class,
        () -> readAhead.run(out -> OtlpJsonReader.stream(new ByteArrayInputStream(file), "two.jsonl", out), taken::add));

    assertThat(readAlone).hasSize(15);
    assertThat(ahead).hasMessage(alone.getMessage()).hasMessageContaining("line 2");
    assertThat(taken).extracting(SpanData::getSpanId).containsExactlyElementsOf(
        readAlone.stream().map(SpanData::getSpanId).toList());
  }

  @Test
  void aBugInTheReaderIsThrownOnTheTakersThread() {
    List<SpanData> spans = WindowedCheckerTest.busyStream(2);
    List<SpanData> taken = new ArrayList<>();

    assertThatThrownBy(() -> readAhead.run(out -> {
      spans.forEach(out);
      List.of().get(0);
    }, taken::add)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(taken).containsExactlyElementsOf(spans);
  }

  @Test
  void whenTheTakerFailsTheReaderStopsInsteadOfWaitingForEver() throws InterruptedException {
    SpanData span = WindowedCheckerTest.busyStream(1).get(0);
    AtomicReference<Thread> readerThread = new AtomicReference<>();
    long[] taken = {0};

    assertThatThrownBy(() -> readAhead.run(out -> {
      readerThread.set(Thread.currentThread());
      while (true) { // a stream without end: only the taker's failure stops it
        out.accept(span);
      }
    }, s -> {
      if (++taken[0] == 50) {
        throw new IllegalStateException("the checker broke");
      }
    })).hasMessage("the checker broke");

    readerThread.get().join(PATIENCE_NANOS / 1_000_000);
    assertThat(readerThread.get().isAlive()).as("the reading thread still runs").isFalse();
  }

  @Test
  void aSlowTakerHoldsTheReaderAtABoundedNumberOfSpans() {
    List<SpanData> spans = WindowedCheckerTest.busyStream(20);
    AtomicLong read = new AtomicLong();
    AtomicReference<Thread> readerThread = new AtomicReference<>();
    long[] readWhenBlocked = {-1};
    List<SpanData> taken = new ArrayList<>();

    readAhead.run(out -> {
      readerThread.set(Thread.currentThread());
      for (SpanData span : spans) {
        read.incrementAndGet();
        out.accept(span);
      }
    }, span -> {
      if (taken.isEmpty()) {
        // the taker is busy with its first span: the reader reads on until the queue is full, then waits
        awaitBlockedAfter(readerThread.get(), read, readAhead.spansInTransit());
        readWhenBlocked[0] = read.get();
      }
      taken.add(span);
    });

    assertThat(readWhenBlocked[0]).isEqualTo(readAhead.spansInTransit()).isLessThan(spans.size());
    assertThat(taken).containsExactlyElementsOf(spans);
  }

  /** Until the reader has read {@code spans} and waits (a reader that does not wait reads every span). */
  private static void awaitBlockedAfter(Thread reader, AtomicLong read, long spans) {
    long deadline = System.nanoTime() + PATIENCE_NANOS;
    while (read.get() < spans || reader.getState() != Thread.State.WAITING) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the reader did not wait for the taker: " + reader.getState() + " after " + read + " spans");
      }
      Thread.onSpinWait();
    }
  }
}
