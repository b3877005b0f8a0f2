package io.github.tracecheck.kafka;

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
    return chosen == BrokerMode.TESTCONTAINERS ? ContainerKafkaBroker.start(image) : EmbeddedKafkaBroker.start();
  }
}
