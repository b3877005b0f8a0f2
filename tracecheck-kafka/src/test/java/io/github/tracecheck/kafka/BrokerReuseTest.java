package io.github.tracecheck.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** One broker for the run by default, one per class on request; topics per test unless shared. */
class BrokerReuseTest {

  static final List<String> servers = new CopyOnWriteArrayList<>();
  static final List<String> topics = new CopyOnWriteArrayList<>();

  @KafkaBroker
  static class SharedA {
    @Test
    void record(KafkaTestBroker kafka) {
      servers.add(kafka.bootstrapServers());
      topics.add(kafka.topic("orders"));
    }
  }

  @KafkaBroker
  static class SharedB {
    @Test
    void record(KafkaTestBroker kafka) {
      servers.add(kafka.bootstrapServers());
      topics.add(kafka.topic("orders"));
    }
  }

  @KafkaBroker(reuse = "false", isolateTopics = false)
  static class OwnBroker {
    @Test
    void record(KafkaTestBroker kafka) {
      servers.add(kafka.bootstrapServers());
      topics.add(kafka.topic("orders"));
    }
  }

  @Test
  void classesShareTheRunsBrokerUnlessTheyAskForTheirOwn() {
    servers.clear();
    topics.clear();
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(SharedA.class), selectClass(SharedB.class), selectClass(OwnBroker.class))
        .execute()
        .testEvents()
        .assertStatistics(s -> s.succeeded(3));

    assertThat(servers).hasSize(3);
    assertThat(servers.get(0)).isEqualTo(servers.get(1));
    assertThat(servers.get(2)).isNotEqualTo(servers.get(0));
    assertThat(topics.get(0)).startsWith("orders-").isNotEqualTo(topics.get(1));
    assertThat(topics.get(2)).isEqualTo("orders");
  }
}
