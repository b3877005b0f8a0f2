package io.github.tracecheck.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The in-JVM broker on its own, on Kafka 4's kit (this module's Kafka): start, a round trip, and a
 * clean stop. Kafka 3's kit runs in spring-tests/boot3, whose Spring Boot 3.5 manages Kafka 3.9.1.
 */
class EmbeddedBrokerTest {

  private static Set<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .collect(Collectors.toSet());
  }

  @Test
  void startsServesARoundTripAndStopsWithoutLeavingThreadsOrFiles() throws Exception {
    Set<String> before = threadNames();
    Path directory;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(KraftTestKit.KAFKA_4)) {
      directory = broker.directory();
      KafkaTestBroker kafka = new KafkaTestBroker(broker, "");
      assertThat(kafka.description()).isEqualTo("embedded KRaft broker (Kafka 4's test kit)");
      String topic = kafka.createTopic("round-trip");
      long start = System.nanoTime();
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.producerProperties());
          KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.consumerProperties())) {
        consumer.subscribe(List.of(topic));
        producer.send(new ProducerRecord<>(topic, "k", "v")).get();
        assertThat(Records.pollUntil(consumer, 1, Duration.ofSeconds(30))).extracting(r -> r.value()).containsExactly("v");
      }
      long roundTripMillis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("Kafka embedded KRaft broker: start to ready %d ms; first produce-consume round trip"
          + " (new producer, new consumer joining its group) %d ms%n", broker.startMillis(), roundTripMillis);
      assertThat(Files.isDirectory(directory)).isTrue();
    }
    assertThat(Files.exists(directory)).as("the broker's directory is deleted").isFalse();
    Set<String> leaked = threadNames();
    leaked.removeAll(before);
    // The JDK's shared pools, and the JVM-wide Yammer metrics registry Kafka's server code uses
    // (its daemon tick threads are created once per JVM, not per broker), are not the broker's.
    leaked.removeIf(name -> name.startsWith("ForkJoinPool") || name.equals("process reaper")
        || name.startsWith("Attach Listener") || name.equals("Common-Cleaner"));
    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(t -> t.getName().startsWith("metrics-meter-tick-thread"))
        .allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
    leaked.removeIf(name -> name.startsWith("metrics-meter-tick-thread"));
    assertThat(leaked).as("threads left by the broker and its clients").isEmpty();
  }

  @Test
  @Timeout(120) // a hang guard only: without close timeouts, closing clients of a dead broker blocks for minutes
  void clientsOfABrokerThatIsGoneCloseWithinTheirTimeoutAndTheBrokerClosesTwice() throws Exception {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(KraftTestKit.KAFKA_4);
    KafkaTestBroker kafka = new KafkaTestBroker(broker, "");
    String topic = kafka.createTopic("dead-broker");
    KafkaProducer<String, String> producer = kafka.producer();
    KafkaConsumer<String, String> consumer = kafka.consumer();
    consumer.subscribe(List.of(topic));
    producer.send(new ProducerRecord<>(topic, "k", "v")).get();
    assertThat(Records.pollUntil(consumer, 1, Duration.ofSeconds(30))).hasSize(1);

    long brokerClose = System.nanoTime();
    broker.close();
    broker.close(); // idempotent: a second close (a store and a shutdown hook) does nothing
    long close = System.nanoTime();
    kafka.closeClients();
    long closed = System.nanoTime();
    System.out.printf("Kafka broker gone: broker close %d ms, closing the test's producer and consumer %d ms (close"
        + " timeout %d s each)%n", (close - brokerClose) / 1_000_000, (closed - close) / 1_000_000,
        KafkaTestBroker.CLOSE_TIMEOUT.toSeconds());
    assertThat(Thread.getAllStackTraces().keySet())
        .extracting(Thread::getName)
        .as("client threads left after closing the clients of a dead broker")
        .noneMatch(name -> name.startsWith("kafka-producer-network-thread"));
  }
}
