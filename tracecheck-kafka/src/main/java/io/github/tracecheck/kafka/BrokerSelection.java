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
    try {
      return EmbeddedKafkaBroker.start();
    } catch (LinkageError e) {
      throw embeddedBrokerCannotRun(e, AppInfoParser.getVersion());
    }
  }

  /**
   * The embedded broker is Kafka 4's own server code: with the Kafka jars of another version on the
   * test classpath (a build that manages Kafka's version, such as Spring Boot 3.5 with 3.9.1), its
   * classes do not link, which must read as a setup problem rather than a stack trace.
   */
  static IllegalStateException embeddedBrokerCannotRun(LinkageError e, String kafkaClientsVersion) {
    return new IllegalStateException("the embedded Kafka broker cannot run on the Kafka jars of the test classpath"
        + " (kafka-clients " + kafkaClientsVersion + "): it is Kafka 4's own KRaft test kit, and " + e
        + ". A build that manages Kafka's version (Spring Boot 3.5 manages 3.9.1) replaces the jars it needs: use "
        + SETTING + "=testcontainers (a broker in Docker), or let the Kafka artifacts resolve to the 4.x versions"
        + " tracecheck-kafka brings in the test scope.", e);
  }
}
