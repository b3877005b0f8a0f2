package io.github.tracecheck.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Polls until records arrive: a condition with a deadline, never a fixed sleep. */
final class Records {

  private Records() {}

  static <K, V> List<ConsumerRecord<K, V>> pollUntil(Consumer<K, V> consumer, int count, Duration timeout) {
    return pollUntil(consumer, count, timeout, () -> "");
  }

  static <K, V> List<ConsumerRecord<K, V>> pollUntil(
      Consumer<K, V> consumer, int count, Duration timeout, Supplier<String> context) {
    List<ConsumerRecord<K, V>> records = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (records.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + count
            + " record(s); got " + records.size() + " " + context.get());
      }
      consumer.poll(Duration.ofMillis(100)).forEach(records::add);
    }
    return records;
  }
}
