package io.github.tracecheck.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The broker as one test sees it: where to connect, topics of its own, and clients that are closed
 * after the test (so no client threads outlive it).
 */
public final class KafkaTestBroker {

  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  /**
   * How long closing one client may take: a client closes at once when the broker is up, and without
   * a bound waits for a dead broker for minutes (flushing records, committing offsets, leaving its
   * group).
   */
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

  private final RunningBroker broker;
  private final String topicSuffix;
  private final List<AutoCloseable> clients = new ArrayList<>();

  KafkaTestBroker(RunningBroker broker, String topicSuffix) {
    this.broker = broker;
    this.topicSuffix = topicSuffix;
  }

  /** The {@code bootstrap.servers} of the broker. */
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** "embedded KRaft broker" or the container image. */
  public String description() {
    return broker.description();
  }

  /** How long the broker took from start to ready, in milliseconds. */
  public long startMillis() {
    return broker.startMillis();
  }

  /** The name {@link #createTopic} gives this base name: suffixed per test when topics are isolated. */
  public String topic(String baseName) {
    return topicSuffix.isEmpty() ? baseName : baseName + "-" + topicSuffix;
  }

  /** Creates a topic with one partition and returns its name (see {@link #topic}). */
  public String createTopic(String baseName) {
    return createTopic(baseName, 1);
  }

  /** Creates a topic and waits until the broker has it; returns its name (see {@link #topic}). */
  public String createTopic(String baseName, int partitions) {
    String name = topic(baseName);
    Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    try {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
          .all()
          .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create topic '" + name + "' on " + description() + " at "
          + bootstrapServers() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic '" + name + "'", e);
    } finally {
      admin.close(CLOSE_TIMEOUT);
    }
    return name;
  }

  /** Properties for a producer of string keys and values; closed after the test when made here. */
  public Properties producerProperties() {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    // A send to a broker that is gone fails within tracecheck's default await timeout, not later.
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    return properties;
  }

  /** Properties for a consumer of string keys and values in its own group, reading from the start. */
  public Properties consumerProperties() {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, "tracecheck-" + UUID.randomUUID());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return properties;
  }

  /** A producer that this handle closes after the test. */
  public KafkaProducer<String, String> producer() {
    return closeAfterTest(new KafkaProducer<>(producerProperties()));
  }

  /** A consumer (own group, earliest offsets) that this handle closes after the test. */
  public KafkaConsumer<String, String> consumer() {
    return closeAfterTest(new KafkaConsumer<>(consumerProperties()));
  }

  /** Registers any client (for example one wrapped by instrumentation) to be closed after the test. */
  public synchronized <T extends AutoCloseable> T closeAfterTest(T client) {
    clients.add(client);
    return client;
  }

  /**
   * Closes the clients made for this test, newest first, each within {@link #CLOSE_TIMEOUT} when it
   * is a Kafka producer, consumer or admin client (also when wrapped by instrumentation that keeps
   * their interfaces).
   */
  synchronized void closeClients() {
    RuntimeException failure = null;
    for (int i = clients.size() - 1; i >= 0; i--) {
      try {
        closeWithTimeout(clients.get(i));
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing a Kafka client failed: " + e, e);
        }
      }
    }
    clients.clear();
    if (failure != null) {
      throw failure;
    }
  }

  // Consumer.close(Duration): deprecated in Kafka 4.1 for close(CloseOptions), which Kafka 3 lacks.
  @SuppressWarnings("deprecation")
  private static void closeWithTimeout(AutoCloseable client) throws Exception {
    if (client instanceof Producer<?, ?> producer) {
      producer.close(CLOSE_TIMEOUT);
    } else if (client instanceof Consumer<?, ?> consumer) {
      consumer.close(CLOSE_TIMEOUT);
    } else if (client instanceof Admin admin) {
      admin.close(CLOSE_TIMEOUT);
    } else {
      client.close();
    }
  }
}
