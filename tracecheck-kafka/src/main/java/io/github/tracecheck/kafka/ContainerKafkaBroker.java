package io.github.tracecheck.kafka;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Testcontainers' Kafka container (apache/kafka, KRaft), for machines with a Docker engine. */
final class ContainerKafkaBroker implements RunningBroker {

  static final String IMAGE = "apache/kafka:4.1.1";

  private final KafkaContainer container;
  private final long startMillis;
  private boolean closed;

  private ContainerKafkaBroker(KafkaContainer container, long startMillis) {
    this.container = container;
    this.startMillis = startMillis;
  }

  static ContainerKafkaBroker start(String image) {
    long started = System.nanoTime();
    KafkaContainer container = new KafkaContainer(DockerImageName.parse(image));
    container.start();
    return new ContainerKafkaBroker(container, (System.nanoTime() - started) / 1_000_000);
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public String description() {
    return "Testcontainers " + container.getDockerImageName();
  }

  @Override
  public long startMillis() {
    return startMillis;
  }

  /** Stops the container; closing it again does nothing. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      container.stop();
    }
  }
}
