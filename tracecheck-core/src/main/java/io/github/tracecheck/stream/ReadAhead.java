package io.github.tracecheck.stream;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads spans on a thread of its own while the caller's thread takes them, so that parsing a file
 * and checking it run on two cores at once: the time is about the longer of the two, not their sum.
 * Spans go across in chunks through a bounded queue, so at most {@link #spansInTransit()} wait
 * between the two and memory stays bounded whichever side is slower. The caller receives the spans
 * in the order they were read, so everything downstream behaves as if it read them itself.
 *
 * <p>Failures are never lost and never hang: what the reader throws (bad input, out of memory, a
 * bug) is thrown again on the caller's thread once every span read before it has been taken; when
 * the taker throws, the reading thread is stopped and the taker's exception is thrown.
 */
public final class ReadAhead {

  /** Something that hands spans on in order, and may fail with {@code E}. */
  @FunctionalInterface
  public interface SpanSource<E extends Exception> {
    void read(Consumer<? super SpanData> out) throws E;
  }

  /** The reader has stopped because the taker failed. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super(null, null, false, false);
    }
  }

  /** After the last chunk; {@link #readerFailure} says whether the reader failed. */
  private static final List<SpanData> END = List.of();

  static final int DEFAULT_CHUNK_SPANS = 1024;
  /**
   * Room for what the reader reads while the taker checks a batch (tens of milliseconds for tens of
   * thousands of spans), so that the reader, the slowest of the threads, seldom waits: with 8
   * chunks it waited, and the 1M-span file took 0.4-0.6 s longer (3.8-4.1 s against 3.1-3.4 s).
   */
  static final int DEFAULT_CHUNKS_IN_TRANSIT = 32;
  /** How often the taker, waiting, looks whether the reader is still alive. */
  private static final long LIVENESS_CHECK_MILLIS = 100;

  private final int chunkSpans;
  private final int chunksInTransit;
  private final BlockingQueue<List<SpanData>> chunks;
  /** The chunk the reader is filling; only the reader's thread touches it. */
  private List<SpanData> filling;
  /** Set by the reader before it queues {@link #END}, or before it dies without being able to. */
  private volatile Throwable readerFailure;
  /** Set by the taker, before it stops the reader, when it failed: nothing more is taken. */
  private volatile boolean takerFailed;

  ReadAhead(int chunkSpans, int chunksInTransit) {
    this.chunkSpans = chunkSpans;
    this.chunksInTransit = chunksInTransit;
    this.chunks = new ArrayBlockingQueue<>(chunksInTransit);
  }

  /** At most this many spans read and not yet taken: the queue, a chunk being filled, a chunk being taken. */
  int spansInTransit() {
    // from the capacity given, not the queue's size and remaining capacity: read one after the other
    // while the reader fills the queue, those two may not add up to it
    return chunkSpans * (chunksInTransit + 2);
  }

  /**
   * Reads {@code source} on another thread and hands its spans to {@code taker} on this one, in order.
   *
   * @throws E what the source threw, after every span it read before has been taken
   */
  public static <E extends Exception> void stream(SpanSource<E> source, Consumer<? super SpanData> taker) throws E {
    new ReadAhead(DEFAULT_CHUNK_SPANS, DEFAULT_CHUNKS_IN_TRANSIT).run(source, taker);
  }

  <E extends Exception> void run(SpanSource<E> source, Consumer<? super SpanData> taker) throws E {
    Thread reader = new Thread(() -> read(source), "tracecheck-reader");
    reader.setDaemon(true); // a reader blocked on standard input never keeps the JVM alive
    // what escapes the reader is reported by the taker's thread, never printed as a stack trace
    reader.setUncaughtExceptionHandler((thread, e) -> readerFailed(e));
    reader.start();
    try {
      take(taker, reader);
    } catch (RuntimeException | Error e) {
      takerFailed = true;
      reader.interrupt(); // blocked on the full queue it stops; reading a file, it stops at its next chunk
      throw e;
    }
    rethrow(readerFailure);
  }

  private <E extends Exception> void read(SpanSource<E> source) {
    filling = new ArrayList<>(chunkSpans);
    try {
      source.read(span -> {
        filling.add(span);
        if (filling.size() == chunkSpans) {
          handOver(filling);
          filling = new ArrayList<>(chunkSpans);
        }
      });
    } catch (Stopped e) {
      return; // the taker failed and is reporting it
    } catch (Throwable e) { // out of memory and bugs too: the taker's thread reports them, with the right exit
      readerFailed(e);
    }
    try {
      if (!takerFailed) {
        // the spans read before a failure are taken before it is thrown, as if read on the taker's thread
        chunks.put(filling);
        chunks.put(END);
      }
    } catch (InterruptedException e) {
      // the taker failed and is no longer taking
    }
  }

  /** The first failure counts: one after it (out of memory while handing it over) is its consequence. */
  private void readerFailed(Throwable e) {
    if (readerFailure == null) {
      readerFailure = e;
    }
  }

  private void handOver(List<SpanData> chunk) {
    if (takerFailed) {
      throw new Stopped();
    }
    try {
      chunks.put(chunk);
    } catch (InterruptedException e) {
      throw new Stopped();
    }
  }

  private void take(Consumer<? super SpanData> taker, Thread reader) {
    try {
      while (true) {
        List<SpanData> chunk = chunks.poll(LIVENESS_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        if (chunk == END) {
          return;
        }
        if (chunk != null) {
          for (SpanData span : chunk) {
            taker.accept(span);
          }
        } else if (!reader.isAlive() && chunks.isEmpty()) {
          // it died without handing over its end (out of memory again while doing so): never wait for ever
          if (readerFailure instanceof Error error) {
            throw error;
          }
          throw new IllegalStateException("the reading thread ended without finishing", readerFailure);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the spans being read", e);
    }
  }

  @SuppressWarnings("unchecked") // the source declares E: any other checked exception cannot come
  private static <E extends Exception> void rethrow(Throwable failure) throws E {
    if (failure == null) {
      return;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    throw (E) failure;
  }
}
