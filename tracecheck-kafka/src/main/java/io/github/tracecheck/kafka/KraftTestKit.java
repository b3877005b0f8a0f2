package io.github.tracecheck.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which of Kafka's own KRaft test kits runs the embedded broker: the one of the Kafka line the test
 * classpath holds, so that the kit and Kafka's server jars are of one version. Kafka 3's kit ({@code
 * kafka.testkit}) is only in Kafka 3's {@code kafka_2.13:test} jar, so when it is there the build
 * resolved Kafka 3 (Spring Boot 3.5 manages tracecheck-kafka's {@code kafka_2.13:test} to 3.9.1), even
 * though Kafka 4's kit ({@code kafka-test-common-runtime}, which no Kafka 3 build manages) is there too.
 */
enum KraftTestKit {
  KAFKA_3(Kafka3Cluster.KIT, "Kafka 3's kafka.testkit") {
    @Override
    KraftCluster start(Map<String, String> config) throws Exception {
      return Kafka3Cluster.start(config);
    }
  },
  KAFKA_4("org.apache.kafka.common.test.KafkaClusterTestKit", "Kafka 4's test kit") {
    @Override
    KraftCluster start(Map<String, String> config) throws Exception {
      Map<String, String> withShareGroups = new LinkedHashMap<>(config);
      // Kafka 4's share-group coordinator has internal topics of its own (Kafka 3 does not know these settings).
      withShareGroups.put("share.coordinator.state.topic.replication.factor", "1");
      withShareGroups.put("share.coordinator.state.topic.min.isr", "1");
      return Kafka4Cluster.start(withShareGroups);
    }
  };

  private final String kitClass;
  private final String label;

  KraftTestKit(String kitClass, String label) {
    this.kitClass = kitClass;
    this.label = label;
  }

  /** Starts one combined node with these broker settings, in a new temporary directory, and waits until it serves. */
  abstract KraftCluster start(Map<String, String> config) throws Exception;

  /** "Kafka 3's kafka.testkit" or "Kafka 4's test kit". */
  String label() {
    return label;
  }

  /** The kit of the Kafka line on this class loader's classpath. */
  static KraftTestKit onClasspath(String kafkaClientsVersion) {
    return choose(className -> isPresent(className), kafkaClientsVersion);
  }

  /**
   * @param present whether a class is on the classpath
   * @throws IllegalStateException when neither kit is there
   */
  static KraftTestKit choose(Predicate<String> present, String kafkaClientsVersion) {
    if (present.test(KAFKA_3.kitClass)) {
      return KAFKA_3;
    }
    if (present.test(KAFKA_4.kitClass)) {
      return KAFKA_4;
    }
    throw new IllegalStateException("the embedded Kafka broker needs Kafka's KRaft test kit of the Kafka version on"
        + " the test classpath (kafka-clients " + kafkaClientsVersion + "), and neither is there: Kafka 3's "
        + KAFKA_3.kitClass + " (org.apache.kafka:kafka_2.13:<version>:test) nor Kafka 4's " + KAFKA_4.kitClass
        + " (org.apache.kafka:kafka-test-common-runtime). tracecheck-kafka brings both artifacts: keep them on the"
        + " test classpath, or use " + BrokerSelection.SETTING + "=testcontainers (a broker in Docker).");
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, KraftTestKit.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
