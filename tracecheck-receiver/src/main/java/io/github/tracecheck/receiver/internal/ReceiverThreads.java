package io.github.tracecheck.receiver.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The receiver's threads: named after what they serve, so that a thread dump says whose they are,
 * and daemons, so that a receiver left open never keeps a test JVM from exiting.
 */
final class ReceiverThreads {

  private ReceiverThreads() {}

  /** Threads named {@code prefix} followed by 1, 2, ... */
  static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
