package io.github.tracecheck.kafka;

import org.apache.kafka.common.utils.AppInfoParser;

/** Decides which broker to start, from the setting and whether Docker is usable. */
final class BrokerSelection {

  static final String SETTING = "tracecheck.kafka.broker";

  private BrokerSelection() {}

  /**
   * @return {@link BrokerMode#EMBEDDED} or {@link BrokerMode#TESTCONTAINERS}
   * @throws IllegalStateException when Testcontainers is asked for and Docker is not usable
   */
  static BrokerMode choose(BrokerMode requested, DockerProbe docker) {
    switch (requested) {
      case EMBEDDED:
        return BrokerMode.EMBEDDED;
      case TESTCONTAINERS: {
        String why = docker.whyUnavailable();
        if (why != null) {
          throw new IllegalStateException(
              SETTING + "=testcontainers, but " + why + ". Use " + SETTING
                  + "=embedded (Kafka's in-JVM KRaft broker, no Docker needed) or auto.");
        }
        return BrokerMode.TESTCONTAINERS;
      }
      default:
        return docker.whyUnavailable() == null ? BrokerMode.TESTCONTAINERS : BrokerMode.EMBEDDED;
    }
  }

  static RunningBroker start(BrokerMode chosen, String image) {
    if (chosen == BrokerMode.TESTCONTAINERS) {
      return ContainerKafkaBroker.start(image);
    }
    String kafkaClientsVersion = AppInfoParser.getVersion();
    KraftTestKit kit = KraftTestKit.onClasspath(kafkaClientsVersion);
    try {
      return EmbeddedKafkaBroker.start(kit);
    } catch (LinkageError e) {
      throw embeddedBrokerCannotRun(kit, e, kafkaClientsVersion);
    }
  }

  /**
   * The kit of the Kafka line on the classpath did not link with Kafka's server jars there (a build
   * that pins some Kafka artifacts and not others, or a Kafka line neither kit supports): a setup
   * problem, which must read as one rather than as a stack trace.
   */
  static IllegalStateException embeddedBrokerCannotRun(KraftTestKit kit, LinkageError e, String kafkaClientsVersion) {
    return new IllegalStateException("the embedded Kafka broker cannot run on the Kafka jars of the test classpath"
        + " (kafka-clients " + kafkaClientsVersion + "): it started " + kit.label() + ", and " + e + ". The test kit"
        + " and Kafka's server jars must be of one Kafka version (3.x or 4.x): let org.apache.kafka:kafka_2.13,"
        + " kafka_2.13:test, kafka-server-common:test and kafka-clients:test resolve to the same version (a build"
        + " that manages Kafka's version, such as Spring Boot's, manages them all), or use " + SETTING
        + "=testcontainers (a broker in Docker).", e);
  }
}
