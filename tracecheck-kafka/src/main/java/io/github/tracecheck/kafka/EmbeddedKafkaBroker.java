package io.github.tracecheck.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Kafka's own KRaft broker inside the test JVM ({@link KafkaClusterTestKit}): one combined
 * controller and broker node, with the single-node settings the group coordinator needs.
 */
final class EmbeddedKafkaBroker implements RunningBroker {

  private final KafkaClusterTestKit cluster;
  private final Path directory;
  private final long startMillis;
  private boolean closed;

  private EmbeddedKafkaBroker(KafkaClusterTestKit cluster, Path directory, long startMillis) {
    this.cluster = cluster;
    this.directory = directory;
    this.startMillis = startMillis;
  }

  static EmbeddedKafkaBroker start() {
    long started = System.nanoTime();
    Path directory = null;
    KafkaClusterTestKit cluster = null;
    try {
      directory = Files.createTempDirectory("tracecheck-kafka-");
      TestKitNodes nodes =
          new TestKitNodes.Builder()
              .setCombined(true)
              .setNumBrokerNodes(1)
              .setNumControllerNodes(1)
              .setBaseDirectory(directory)
              .build();
      cluster =
          new KafkaClusterTestKit.Builder(nodes)
              // One node: internal topics cannot have more replicas, and nobody waits for joiners.
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("offsets.topic.num.partitions", "1")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
              .setConfigProp("share.coordinator.state.topic.min.isr", "1")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("auto.create.topics.enable", "true")
              .setConfigProp("num.partitions", "1")
              .setDeleteOnClose(true)
              .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new EmbeddedKafkaBroker(cluster, directory, (System.nanoTime() - started) / 1_000_000);
    } catch (Exception e) {
      closeQuietly(cluster);
      deleteDirectory(directory);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the embedded Kafka broker did not start: " + e, e);
    }
  }

  @Override
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  @Override
  public String description() {
    return "embedded KRaft broker";
  }

  @Override
  public long startMillis() {
    return startMillis;
  }

  /** The directory holding the broker's logs and metadata; deleted on close. */
  Path directory() {
    return directory;
  }

  /** Stops the broker and deletes its directory; closing it again does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      closeQuietly(cluster);
    } finally {
      deleteDirectory(directory);
    }
  }

  private static void closeQuietly(KafkaClusterTestKit cluster) {
    if (cluster == null) {
      return;
    }
    try {
      cluster.close();
    } catch (Exception e) {
      throw new IllegalStateException("the embedded Kafka broker did not stop cleanly: " + e, e);
    }
  }

  private static void deleteDirectory(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not delete the Kafka broker's directory " + directory + ": " + e, e);
    }
  }
}
