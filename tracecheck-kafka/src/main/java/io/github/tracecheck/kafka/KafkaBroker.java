package io.github.tracecheck.kafka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a real Kafka broker for the test class and hands tests a {@link KafkaTestBroker}, as a
 * parameter or in a field of that type.
 *
 * <pre>{@code
 * @TraceCheck
 * @KafkaBroker
 * class OrdersIT {
 *   @Test
 *   void orderIsProcessed(KafkaTestBroker kafka, CapturedTraces traces) {
 *     String topic = kafka.createTopic("orders");
 *     try (Producer<String, String> producer = kafka.producer()) { ... }
 *   }
 * }
 * }</pre>
 *
 * <p>By default the broker runs in the JVM (Kafka's own KRaft broker) unless a Docker engine is
 * reachable, and one broker is shared by all test classes of a run (startup is the largest cost of
 * a Kafka test suite). Settings: the attributes here, or {@code junit-platform.properties} keys
 * {@code tracecheck.kafka.broker} ({@code auto}, {@code embedded}, {@code testcontainers}), {@code
 * tracecheck.kafka.reuse} and {@code tracecheck.kafka.image}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KafkaBrokerExtension.class)
public @interface KafkaBroker {

  /** {@code auto}, {@code embedded} or {@code testcontainers}; empty: the property, else auto. */
  String mode() default "";

  /** {@code true}: share one broker across the run's test classes; {@code false}: one per class. Empty: the property, else true. */
  String reuse() default "";

  /** Give each test its own topics: {@link KafkaTestBroker#createTopic} suffixes names with the test's id. */
  boolean isolateTopics() default true;
}
