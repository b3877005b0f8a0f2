package io.github.tracecheck.springtests;

import io.github.tracecheck.kafka.KafkaBroker;
import io.github.tracecheck.kafka.KafkaTestBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the test classes whose checkout publishes orders to Kafka: tracecheck-kafka's broker
 * (in the JVM unless Docker is there, on Kafka's KRaft test kit of the Kafka version the module's
 * Spring Boot manages), started before the applications, and the applications pointed at it.
 */
@KafkaBroker
abstract class WithKafkaBroker {

  /** Set by {@code @KafkaBroker} before the applications start. */
  static KafkaTestBroker kafka;

  @DynamicPropertySource
  static void kafkaBootstrapServers(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", () -> kafka.bootstrapServers());
  }
}
