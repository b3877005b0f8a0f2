package io.github.tracecheck.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** Kafka 4's KRaft test kit ({@code org.apache.kafka.common.test}, artifact kafka-test-common-runtime). */
final class Kafka4Cluster implements KraftCluster {

  private final KafkaClusterTestKit kit;
  private final Path directory;

  private Kafka4Cluster(KafkaClusterTestKit kit, Path directory) {
    this.kit = kit;
    this.directory = directory;
  }

  /** Starts one combined node with these broker settings, and waits until it serves. */
  static Kafka4Cluster start(Map<String, String> config) throws Exception {
    Path directory = Files.createTempDirectory("tracecheck-kafka-");
    try {
      return start(config, directory);
    } catch (Exception | LinkageError e) {
      EmbeddedKafkaBroker.deleteDirectory(directory);
      throw e;
    }
  }

  private static Kafka4Cluster start(Map<String, String> config, Path directory) throws Exception {
    TestKitNodes nodes =
        new TestKitNodes.Builder()
            .setCombined(true)
            .setNumBrokerNodes(1)
            .setNumControllerNodes(1)
            .setBaseDirectory(directory)
            .build();
    KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
    config.forEach(builder::setConfigProp);
    KafkaClusterTestKit kit = builder.build();
    try {
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
    } catch (Exception | LinkageError e) {
      kit.close();
      throw e;
    }
    return new Kafka4Cluster(kit, directory);
  }

  @Override
  public String bootstrapServers() {
    return kit.bootstrapServers();
  }

  @Override
  public Path directory() {
    return directory;
  }

  @Override
  public void close() throws Exception {
    kit.close();
  }
}
