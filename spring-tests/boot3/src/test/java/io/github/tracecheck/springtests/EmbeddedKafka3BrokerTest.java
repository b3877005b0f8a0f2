package io.github.tracecheck.springtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.kafka.KafkaBroker;
import io.github.tracecheck.kafka.KafkaTestBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.AppInfoParser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * tracecheck-kafka's in-JVM broker on the Kafka that Spring Boot 3.5 manages (3.9.1, no override in
 * this pom): Kafka 3's own KRaft test kit runs it, and serves a round trip.
 */
@KafkaBroker(mode = "embedded")
class EmbeddedKafka3BrokerTest {

  @Test
  void springBoot35sKafkaRunsOnKafka3sOwnTestKit(KafkaTestBroker kafka) throws Exception {
    assertThat(AppInfoParser.getVersion()).startsWith("3.");
    assertThat(kafka.description()).isEqualTo("embedded KRaft broker (Kafka 3's kafka.testkit)");
    System.out.printf("Kafka %s embedded KRaft broker (Kafka 3's kit): start to ready %d ms%n",
        AppInfoParser.getVersion(), kafka.startMillis());

    String topic = kafka.createTopic("round-trip");
    KafkaProducer<String, String> producer = kafka.producer();
    KafkaConsumer<String, String> consumer = kafka.consumer();
    consumer.subscribe(List.of(topic));
    producer.send(new ProducerRecord<>(topic, "k", "v")).get();

    List<String> received = new ArrayList<>();
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
        received.add(record.value());
      }
      return !received.isEmpty();
    });
    assertThat(received).containsExactly("v");
  }
}
