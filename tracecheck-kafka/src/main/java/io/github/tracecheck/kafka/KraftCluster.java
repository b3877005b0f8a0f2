package io.github.tracecheck.kafka;

import java.nio.file.Path;

/** A started cluster of Kafka's own KRaft test kit: one combined controller and broker node. */
interface KraftCluster extends AutoCloseable {

  String bootstrapServers();

  /** The directory holding the node's logs and metadata. */
  Path directory();

  /** Stops the node and deletes its directory. */
  @Override
  void close() throws Exception;
}
