package io.github.tracecheck.kafka;

/** A started broker: where clients connect, and how to stop it. */
interface RunningBroker extends AutoCloseable {

  String bootstrapServers();

  /** Which kind of broker this is, for messages: "embedded KRaft broker" or "Testcontainers". */
  String description();

  /** How long the broker took from start to ready, in milliseconds. */
  long startMillis();

  @Override
  void close();
}
