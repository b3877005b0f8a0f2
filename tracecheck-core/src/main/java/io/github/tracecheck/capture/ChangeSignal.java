package io.github.tracecheck.capture;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Tells waiters that the capture changed, so that waiting for spans needs no polling: a waiter
 * re-checks its condition after every change, and gives up at its deadline. It exists apart from
 * the capture so that the waiting protocol (a generation counter read before each check) is in one
 * place and the capture's own lock is never held while a condition runs.
 */
final class ChangeSignal {

  private final Object monitor = new Object();
  private long generation; // guarded by monitor

  /** Wakes every waiter; call it after the change is made, so that the re-check sees it. */
  void changed() {
    synchronized (monitor) {
      generation++;
      monitor.notifyAll();
    }
  }

  /**
   * Waits until the condition holds, re-checking it after every change; gives up after the timeout.
   *
   * @return whether the condition held
   */
  boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      // Read the generation before checking: a change in between wakes the wait at once.
      long seen;
      synchronized (monitor) {
        seen = generation;
      }
      if (condition.getAsBoolean()) {
        return true;
      }
      synchronized (monitor) {
        while (generation == seen) {
          long remaining = deadline - System.nanoTime();
          if (remaining <= 0) {
            return false;
          }
          monitor.wait(remaining / 1_000_000, (int) (remaining % 1_000_000));
        }
      }
    }
  }
}
