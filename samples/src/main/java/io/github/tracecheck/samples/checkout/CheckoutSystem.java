package io.github.tracecheck.samples.checkout;

import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The seed's checkout system in one JVM: client -> api-gateway (HTTP) -> auth-service (gRPC) ->
 * Kafka -> order-worker (worker pool, database). Each service has its own OpenTelemetry, so its
 * own {@code service.name}.
 */
public final class CheckoutSystem implements AutoCloseable {

  private final AuthService auth;
  private final ApiGateway gateway;
  private final OrderWorker worker;
  private final TraceLog log;

  /**
   * @param telemetry the OpenTelemetry of each service, by service name
   * @param bootstrapServers the Kafka broker
   * @param topic the orders topic
   * @param bugs the bugs to switch on; none for the correct system
   */
  public CheckoutSystem(Function<String, OpenTelemetry> telemetry, String bootstrapServers, String topic, Set<Bug> bugs)
      throws IOException {
    Set<Bug> switched = bugs.isEmpty() ? EnumSet.noneOf(Bug.class) : EnumSet.copyOf(bugs);
    this.log = new TraceLog("checkout", telemetry.apply("checkout"), !switched.contains(Bug.LOG_WITHOUT_TRACE_CONTEXT));
    this.auth = new AuthService(telemetry.apply("auth-service"), log);
    Properties producer = new Properties();
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    this.gateway = new ApiGateway(telemetry.apply("api-gateway"), log, auth, new KafkaProducer<>(producer), topic, switched);
    Properties consumer = new Properties();
    consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "order-worker-" + topic);
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<String, String> orders = new KafkaConsumer<>(consumer);
    orders.subscribe(List.of(topic));
    this.worker = new OrderWorker(telemetry.apply("order-worker"), log, orders, switched);
  }

  public URI gatewayUri() {
    return gateway.baseUri();
  }

  /** The services' log lines, each with trace_id and span_id. */
  public TraceLog log() {
    return log;
  }

  @Override
  public void close() {
    gateway.close();
    worker.close();
    auth.close();
  }
}
