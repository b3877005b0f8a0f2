package io.github.tracecheck.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Awaiting re-checks the condition on each change, not by polling, and gives up at the deadline. */
class ChangeSignalTest {

  private final ChangeSignal signal = new ChangeSignal();

  @Test
  void aConditionThatHoldsReturnsAtOnce() throws InterruptedException {
    assertThat(signal.await(() -> true, Duration.ZERO)).isTrue();
  }

  @Test
  void withoutAChangeTheConditionIsCheckedOnceAndTheWaitEndsAtTheDeadline() throws InterruptedException {
    AtomicInteger checks = new AtomicInteger();
    long start = System.nanoTime();

    boolean held = signal.await(() -> checks.incrementAndGet() < 0, Duration.ofMillis(50));

    assertThat(held).isFalse();
    assertThat(checks).hasValue(1);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
  }

  @Test
  void aChangeFromAnotherThreadWakesTheWait() throws InterruptedException {
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger checks = new AtomicInteger();
    Thread changer = new Thread(() -> {
      // Changes without the condition holding are re-checked and waited past.
      signal.changed();
      signal.changed();
      done.set(true);
      signal.changed();
    });

    boolean held = signal.await(() -> {
      if (checks.incrementAndGet() == 1) {
        changer.start();
        return false;
      }
      return done.get();
    }, Duration.ofMinutes(1));

    changer.join();
    assertThat(held).isTrue();
    // At most one re-check per change: the generation is read before each check.
    assertThat(checks.get()).isBetween(2, 4);
  }
}
