package io.github.tracecheck.rules.orphan;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The likely cause of a root that lost the context of work on another thread, chosen from the
 * evidence: the kind of thread it ran on (the common pool, a Spring task executor, a raw thread, a
 * messaging consumer's thread, any other pool) and whether a message went unconsumed. Names follow
 * the defaults of the JDK, Spring and the Kafka clients; an unknown name gets the executor advice.
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

  private static final Pattern COMMON_POOL = Pattern.compile("ForkJoinPool\\.commonPool-worker-\\d+");
  private static final Pattern RAW = Pattern.compile("Thread-\\d+");
  private static final Pattern SPRING =
      Pattern.compile("(task|SimpleAsyncTaskExecutor|ThreadPoolTaskExecutor|applicationTaskExecutor)-\\d+");

  private LikelyCause() {}

  /** The cause for one root that ran on the thread; null thread names get the executor advice. */
  static String forThread(String thread) {
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
    if (isConsumerThread(thread)) {
      return CONSUMER_WITHOUT_EXTRACT;
    }
    return EXECUTOR;
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
