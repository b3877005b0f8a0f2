package io.github.tracecheck.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

class BrokerSelectionTest {

  private static final DockerProbe NO_DOCKER = () -> "no Docker engine: DOCKER_HOST is not set and /var/run/docker.sock does not exist";
  private static final DockerProbe DOCKER = () -> null;

  @Test
  void autoUsesTestcontainersOnlyWhenDockerIsThere() {
    assertThat(BrokerSelection.choose(BrokerMode.AUTO, NO_DOCKER)).isEqualTo(BrokerMode.EMBEDDED);
    assertThat(BrokerSelection.choose(BrokerMode.AUTO, DOCKER)).isEqualTo(BrokerMode.TESTCONTAINERS);
    assertThat(BrokerSelection.choose(BrokerMode.EMBEDDED, DOCKER)).isEqualTo(BrokerMode.EMBEDDED);
    assertThat(BrokerSelection.choose(BrokerMode.TESTCONTAINERS, DOCKER)).isEqualTo(BrokerMode.TESTCONTAINERS);
  }

  @Test
  void testcontainersWithoutDockerIsAClearError() {
    assertThatThrownBy(() -> BrokerSelection.choose(BrokerMode.TESTCONTAINERS, NO_DOCKER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("tracecheck.kafka.broker=testcontainers, but no Docker engine: DOCKER_HOST is not set and"
            + " /var/run/docker.sock does not exist. Use tracecheck.kafka.broker=embedded (Kafka's in-JVM KRaft"
            + " broker, no Docker needed) or auto.");
  }

  /** Kafka jars of mixed versions: the kit of the line found does not link with the server jars there. */
  @Test
  void anEmbeddedBrokerWhoseKitDoesNotLinkIsASetupErrorNamingTheWayOut() {
    NoClassDefFoundError linkage = new NoClassDefFoundError("org/apache/kafka/server/common/Feature");

    assertThat(BrokerSelection.embeddedBrokerCannotRun(KraftTestKit.KAFKA_4, linkage, "3.9.1"))
        .hasCause(linkage)
        .hasMessage("the embedded Kafka broker cannot run on the Kafka jars of the test classpath (kafka-clients"
            + " 3.9.1): it started Kafka 4's test kit, and java.lang.NoClassDefFoundError:"
            + " org/apache/kafka/server/common/Feature. The test kit and Kafka's server jars must be of one Kafka"
            + " version (3.x or 4.x): let org.apache.kafka:kafka_2.13, kafka_2.13:test, kafka-server-common:test and"
            + " kafka-clients:test resolve to the same version (a build that manages Kafka's version, such as Spring"
            + " Boot's, manages them all), or use tracecheck.kafka.broker=testcontainers (a broker in Docker).");
  }

  @Test
  void unknownModeNamesTheSetting() {
    assertThatThrownBy(() -> BrokerMode.parse("tracecheck.kafka.broker", "docker"))
        .hasMessage("tracecheck.kafka.broker: 'docker' is not a broker mode; use auto, embedded or testcontainers");
  }

  @KafkaBroker(mode = "testcontainers")
  static class WantsTestcontainers {
    @Test
    void neverRuns(KafkaTestBroker kafka) {}
  }

  @Test
  void onThisMachineTestcontainersFailsTheClassWithTheReason() {
    Assumptions.assumeTrue(DockerProbe.system().whyUnavailable() != null, "a Docker engine is reachable here");
    Throwable failure =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(WantsTestcontainers.class)).execute()
            .containerEvents().failed().list().get(0).getRequiredPayload(TestExecutionResult.class)
            .getThrowable().orElseThrow();
    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith("tracecheck.kafka.broker=testcontainers, but ")
        .hasMessageEndingWith("Use tracecheck.kafka.broker=embedded (Kafka's in-JVM KRaft broker, no Docker needed) or auto.");
  }
}
