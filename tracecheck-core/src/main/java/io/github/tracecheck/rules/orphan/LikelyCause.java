package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The likely cause of a root that lost the context of work on another thread, chosen from the
 * evidence: the kind of thread it ran on (the common pool, a Spring task executor, a raw thread, a
 * Spring Kafka listener container's or another messaging consumer's thread, any other pool) and
 * whether a message went unconsumed; and of a call made without tracing, from the caller's
 * instrumentation (Spring's, or any). Names follow the defaults of the JDK, Spring and the Kafka
 * clients; an unknown name gets the executor advice.
 */
final class LikelyCause {

  static final String EXECUTOR =
      "the task ran without the submitter's context: wrap the executor with Context.taskWrapping(executor) or the"
          + " task with Context.current().wrap(task)";
  static final String ASYNC_STAGE =
      "a CompletableFuture async stage ran on the common pool without the caller's context: give the *Async method"
          + " an executor wrapped with Context.taskWrapping(executor), or wrap the lambda with Context.current().wrap(...)";
  static final String PARALLEL_STREAM =
      "a parallel stream ran its elements on the common pool without the caller's context: take Context.current()"
          + " before the stream and make it current in each element (context.wrap(...) or context.makeCurrent())";
  static final String SPRING_EXECUTOR =
      "the Spring task executor ran the task without the submitter's context: give it a TaskDecorator that wraps"
          + " the task with the submitter's context (Spring's ContextPropagatingTaskDecorator, or"
          + " runnable -> Context.current().wrap(runnable))";
  static final String RAW_THREAD =
      "the work ran on a new thread without the starter's context: start the thread with"
          + " Context.current().wrap(runnable); for a CompletableFuture *Async stage (a new thread per task when the"
          + " common pool has one thread) pass an executor wrapped with Context.taskWrapping(executor)";
  static final String CONSUMER_WITHOUT_EXTRACT =
      "the consumer did not extract the context from the message headers (traceparent) before starting its work:"
          + " extract it and make it the parent of a CONSUMER span for the message";
  static final String SPRING_KAFKA_LISTENER_WITHOUT_OBSERVATION =
      "the Spring Kafka listener container ran the listener without observation, so it did not extract the context"
          + " from the record headers (traceparent): set spring.kafka.listener.observation-enabled=true (or"
          + " ContainerProperties.setObservationEnabled(true) on the listener container factory), and"
          + " spring.kafka.template.observation-enabled=true for the KafkaTemplate that sends";
  static final String SPRING_KAFKA_LISTENER_WITHOUT_OTEL_INSTRUMENTATION =
      "the Spring Kafka listener ran without OpenTelemetry's Kafka instrumentation, so no CONSUMER span extracted the"
          + " context from the record headers (traceparent): its work is traced by OpenTelemetry's instrumentation,"
          + " for which Spring Kafka's observation settings do not count: turn OpenTelemetry's Kafka instrumentation on"
          + " (OpenTelemetry's Spring Boot starter: remove otel.instrumentation.kafka.enabled=false; it instruments the"
          + " KafkaTemplate's producer factory and the listener container factory beans)";
  static final String HTTP_CALL_WITHOUT_TRACING =
      "the HTTP call was made without tracing, so no traceparent was sent (an uninstrumented client)";
  static final String SPRING_CLIENT_WITHOUT_BUILDER =
      "the HTTP call was made without tracing, so no traceparent was sent: the caller is a Spring application, and"
          + " a RestClient.create() or new RestTemplate() carries no observation: build the client from Spring"
          + " Boot's auto-configured RestClient.Builder (or RestTemplateBuilder)";

  private static final Pattern COMMON_POOL = Pattern.compile("ForkJoinPool\\.commonPool-worker-\\d+");
  private static final Pattern RAW = Pattern.compile("Thread-\\d+");
  private static final Pattern SPRING =
      Pattern.compile("(task|SimpleAsyncTaskExecutor|ThreadPoolTaskExecutor|applicationTaskExecutor)-\\d+");
  // A Spring Kafka listener container's consumer thread: "<container id>-<child index>-C-<n>", e.g.
  // "org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-1" or, with a listener id, "fulfilment-0-C-1".
  private static final Pattern SPRING_KAFKA_LISTENER = Pattern.compile(".+-\\d+-C-\\d+");
  // Instrumentation scopes of OpenTelemetry's instrumentation (its Spring Boot starter, agent and libraries).
  private static final Pattern OPENTELEMETRY_SCOPE = Pattern.compile("io\\.opentelemetry\\..*");
  // Instrumentation scopes of Spring's own tracing: Boot's Micrometer bridge tracer, OpenTelemetry's Spring starter.
  private static final Pattern SPRING_SCOPE = Pattern.compile("org\\.springframework\\..*|io\\.opentelemetry\\.spring-.*");

  private LikelyCause() {}

  /** The cause for one root that ran on the thread; null thread names get the executor advice. */
  private static String forThread(String thread) {
    if (thread == null) {
      return EXECUTOR;
    }
    if (COMMON_POOL.matcher(thread).matches()) {
      return ASYNC_STAGE;
    }
    if (SPRING.matcher(thread).matches()) {
      return SPRING_EXECUTOR;
    }
    if (RAW.matcher(thread).matches()) {
      return RAW_THREAD;
    }
    if (SPRING_KAFKA_LISTENER.matcher(thread).matches()) {
      return SPRING_KAFKA_LISTENER_WITHOUT_OBSERVATION;
    }
    if (isConsumerThread(thread)) {
      return CONSUMER_WITHOUT_EXTRACT;
    }
    return EXECUTOR;
  }

  /**
   * The cause for a root that ran on the thread, and on a Spring Kafka listener's thread the fix of the
   * tracing that made the root: Spring Kafka's observation for Micrometer Tracing's spans, OpenTelemetry's
   * Kafka instrumentation for OpenTelemetry's (its Spring Boot starter ignores the observation settings).
   */
  static String forThread(String thread, SpanNode root) {
    String cause = forThread(thread);
    boolean tracedByOpenTelemetry =
        OPENTELEMETRY_SCOPE.matcher(root.data().getInstrumentationScopeInfo().getName()).matches();
    return cause.equals(SPRING_KAFKA_LISTENER_WITHOUT_OBSERVATION) && tracedByOpenTelemetry
        ? SPRING_KAFKA_LISTENER_WITHOUT_OTEL_INSTRUMENTATION
        : cause;
  }

  /** Whether the cause says the root began a consumer's work: the thread was a messaging consumer's. */
  static boolean isConsumerWork(String cause) {
    return cause.equals(CONSUMER_WITHOUT_EXTRACT) || cause.equals(SPRING_KAFKA_LISTENER_WITHOUT_OBSERVATION)
        || cause.equals(SPRING_KAFKA_LISTENER_WITHOUT_OTEL_INSTRUMENTATION);
  }

  /**
   * The cause of an HTTP call made without tracing: the Spring fix when the caller's span comes from
   * Spring's instrumentation (its instrumentation scope), the general one otherwise.
   */
  static String forUntracedHttpCall(SpanNode caller) {
    String scope = caller.data().getInstrumentationScopeInfo().getName();
    return SPRING_SCOPE.matcher(scope).matches() ? SPRING_CLIENT_WITHOUT_BUILDER : HTTP_CALL_WITHOUT_TRACING;
  }

  /** The cause when several roots like it ran the same way: on the common pool, a parallel stream. */
  static String forRepeated(String single) {
    return single.equals(ASYNC_STAGE) ? PARALLEL_STREAM : single;
  }

  /**
   * A messaging consumer's polling thread: the Kafka clients' and Spring Kafka's listener
   * containers' names ({@code ...KafkaListenerEndpointContainer#0-0-C-1}), or any name saying
   * "consumer".
   */
  static boolean isConsumerThread(String thread) {
    String lower = thread.toLowerCase(Locale.ROOT);
    return lower.contains("consumer") || lower.contains("kafkalistener") || thread.matches(".*-C-\\d+");
  }
}
