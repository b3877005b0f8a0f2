package io.github.tracecheck.kafka;

import java.util.Locale;

/** Which broker {@link KafkaBroker} starts. */
public enum BrokerMode {
  /** Testcontainers' Kafka container when a Docker engine is reachable, else the in-JVM broker. */
  AUTO,
  /** Kafka's own KRaft broker inside the test JVM: no Docker needed. */
  EMBEDDED,
  /** Testcontainers' Kafka container; fails clearly when no Docker engine is reachable. */
  TESTCONTAINERS;

  /** Parses {@code auto}, {@code embedded} or {@code testcontainers}, naming the setting on error. */
  static BrokerMode parse(String setting, String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          setting + ": '" + value + "' is not a broker mode; use auto, embedded or testcontainers", e);
    }
  }
}
