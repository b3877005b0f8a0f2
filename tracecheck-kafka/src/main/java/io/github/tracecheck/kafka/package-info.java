/**
 * Kafka hops: {@link io.github.tracecheck.kafka.KafkaBroker} gives a test a real broker (in the JVM,
 * Kafka's own KRaft test kit of the Kafka line on the classpath: Kafka 4's, or Kafka 3's where the
 * build manages Kafka 3, as Spring Boot 3.5 does; or a container), {@link
 * io.github.tracecheck.kafka.KafkaHeadersCarrier} carries context in record headers, and {@link
 * io.github.tracecheck.kafka.KafkaAssertions} checks what a record carried (the wire checks every
 * protocol shares) and the PRODUCER and CONSUMER spans of a topic (the hop checks every protocol
 * shares, read through the core's messaging attribute readers; a link connects, as the messaging
 * conventions allow).
 */
package io.github.tracecheck.kafka;
