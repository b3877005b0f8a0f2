package io.github.tracecheck.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

/** Which KRaft test kit runs the embedded broker, from the classes on the classpath. */
class KraftTestKitTest {

  private static final String KAFKA_3_KIT = "kafka.testkit.KafkaClusterTestKit";
  private static final String KAFKA_4_KIT = "org.apache.kafka.common.test.KafkaClusterTestKit";

  /** tracecheck-kafka on its own: Kafka 4.x, whose kafka_2.13 test jar has no kafka.testkit. */
  @Test
  void onKafka4OnlyKafka4sKitIsThereAndRuns() {
    assertThat(KraftTestKit.choose(Set.of(KAFKA_4_KIT)::contains, "4.1.1")).isEqualTo(KraftTestKit.KAFKA_4);
    assertThat(KraftTestKit.onClasspath(AppInfoParser.getVersion())).isEqualTo(KraftTestKit.KAFKA_4);
  }

  /**
   * Spring Boot 3.5: it manages kafka_2.13:test to 3.9.1, which has Kafka 3's kit, and not
   * kafka-test-common-runtime, which stays at 4.x: both kits are there, and Kafka 3's is the one of
   * the server jars.
   */
  @Test
  void onKafka3Kafka3sKitRunsAlthoughKafka4sIsThereToo() {
    assertThat(KraftTestKit.choose(Set.of(KAFKA_3_KIT, KAFKA_4_KIT)::contains, "3.9.1"))
        .isEqualTo(KraftTestKit.KAFKA_3);
    assertThat(KraftTestKit.choose(Set.of(KAFKA_3_KIT)::contains, "3.9.1")).isEqualTo(KraftTestKit.KAFKA_3);
  }

  @Test
  void withNeitherKitTheErrorNamesBothArtifactsAndTheWayOut() {
    assertThatThrownBy(() -> KraftTestKit.choose(Set.<String>of()::contains, "3.9.1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the embedded Kafka broker needs Kafka's KRaft test kit of the Kafka version on the test"
            + " classpath (kafka-clients 3.9.1), and neither is there: Kafka 3's kafka.testkit.KafkaClusterTestKit"
            + " (org.apache.kafka:kafka_2.13:<version>:test) nor Kafka 4's"
            + " org.apache.kafka.common.test.KafkaClusterTestKit (org.apache.kafka:kafka-test-common-runtime)."
            + " tracecheck-kafka brings both artifacts: keep them on the test classpath, or use"
            + " tracecheck.kafka.broker=testcontainers (a broker in Docker).");
  }

  /** Kafka 3's kit on Kafka 4's jars: its classes are not there, which fails as a linkage error. */
  @Test
  void kafka3sKitWithoutItsClassesFailsAsALinkageErrorNotAnotherException() {
    assertThatThrownBy(() -> EmbeddedKafkaBroker.start(KraftTestKit.KAFKA_3))
        .isInstanceOf(NoClassDefFoundError.class)
        .hasMessage("kafka/testkit/TestKitNodes$Builder");
  }
}
