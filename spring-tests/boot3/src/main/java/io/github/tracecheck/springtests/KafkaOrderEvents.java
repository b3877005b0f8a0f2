package io.github.tracecheck.springtests;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes each checked-out order to the Kafka topic {@code checkout.orders-topic}, when it is set. */
@Component
@ConditionalOnProperty("checkout.orders-topic")
class KafkaOrderEvents implements OrderEvents {

  private final KafkaTemplate<String, String> kafka;
  private final String topic;

  KafkaOrderEvents(KafkaTemplate<String, String> kafka, @Value("${checkout.orders-topic}") String topic) {
    this.kafka = kafka;
    this.topic = topic;
  }

  @Override
  public void placed(String sku) {
    kafka.send(topic, sku, sku).join();
  }
}
