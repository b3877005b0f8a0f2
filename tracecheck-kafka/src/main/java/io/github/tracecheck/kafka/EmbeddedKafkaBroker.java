package io.github.tracecheck.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Kafka's own KRaft broker inside the test JVM: one combined controller and broker node of the
 * {@link KraftTestKit} of the Kafka line on the classpath, with the single-node settings the group
 * coordinator needs.
 */
final class EmbeddedKafkaBroker implements RunningBroker {

  /** One node: internal topics cannot have more replicas, and nobody waits for joiners. */
  private static final Map<String, String> SINGLE_NODE = Map.of(
      "offsets.topic.replication.factor", "1",
      "offsets.topic.num.partitions", "1",
      "transaction.state.log.replication.factor", "1",
      "transaction.state.log.min.isr", "1",
      "group.initial.rebalance.delay.ms", "0",
      "auto.create.topics.enable", "true",
      "num.partitions", "1");

  private final KraftCluster cluster;
  private final KraftTestKit kit;
  private final Path directory;
  private final long startMillis;
  private boolean closed;

  private EmbeddedKafkaBroker(KraftCluster cluster, KraftTestKit kit, Path directory, long startMillis) {
    this.cluster = cluster;
    this.kit = kit;
    this.directory = directory;
    this.startMillis = startMillis;
  }

  /**
   * Starts the broker on the given kit.
   *
   * @throws LinkageError when the kit's classes do not link with Kafka's jars on the classpath
   */
  static EmbeddedKafkaBroker start(KraftTestKit kit) {
    long started = System.nanoTime();
    try {
      KraftCluster cluster = kit.start(SINGLE_NODE);
      return new EmbeddedKafkaBroker(cluster, kit, cluster.directory(), (System.nanoTime() - started) / 1_000_000);
    } catch (Exception e) {
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
    return "embedded KRaft broker (" + kit.label() + ")";
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

  private static void closeQuietly(KraftCluster cluster) {
    try {
      cluster.close();
    } catch (Exception e) {
      throw new IllegalStateException("the embedded Kafka broker did not stop cleanly: " + e, e);
    }
  }

  static void deleteDirectory(Path directory) {
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
