package io.github.tracecheck.testing;

import io.opentelemetry.sdk.common.Clock;
import java.time.Instant;

/**
 * A clock for the SDK whose wall time is its monotonic time moved to the epoch, and whose anchor
 * reading takes both from one instant. The SDK anchors each trace by reading {@code now()} and then
 * {@code nanoTime()}; with the system clock, a thread preempted in between shifts that whole trace
 * by as long (up to milliseconds on a loaded 2-core machine), so shapes judged on time across
 * traces would be judged on the scheduler. The spans stay the SDK's own.
 */
final class OneReadingClock implements Clock {

  private static final Instant EPOCH_AT_START = Instant.now();
  private static final long NANO_TIME_AT_START = System.nanoTime();
  private static final long OFFSET =
      EPOCH_AT_START.getEpochSecond() * 1_000_000_000L + EPOCH_AT_START.getNano() - NANO_TIME_AT_START;

  // The monotonic reading behind the last now() on this thread, handed to the nanoTime() that follows.
  private final ThreadLocal<Long> readingOfNow = new ThreadLocal<>();

  @Override
  public long now() {
    long reading = System.nanoTime();
    readingOfNow.set(reading);
    return OFFSET + reading;
  }

  @Override
  public long nanoTime() {
    Long reading = readingOfNow.get();
    if (reading != null) {
      readingOfNow.remove();
      return reading;
    }
    return System.nanoTime();
  }
}
