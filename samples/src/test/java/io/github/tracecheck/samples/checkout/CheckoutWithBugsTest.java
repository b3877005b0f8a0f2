package io.github.tracecheck.samples.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.kafka.KafkaBroker;
import io.github.tracecheck.kafka.KafkaTestBroker;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.Rules;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Each bug the seed warns about, switched on in the real services, and the exact finding
 * tracecheck reports. The gate is in warn mode here so that it prints its report (what a user sees
 * in CI) while each test asserts the finding itself.
 */
@TraceCheck(gate = "warn")
@KafkaBroker
class CheckoutWithBugsTest {

  private KafkaTestBroker kafka;
  private String topic;

  /** Runs one checkout with the bug, waits for the order's spans, and returns the findings of one rule. */
  private List<String> findings(CapturedTraces traces, Bug bug, String sku, String rule, Predicate<TraceForest> done)
      throws Exception {
    topic = kafka.createTopic("orders");
    try (CheckoutSystem system = new CheckoutSystem(traces::openTelemetryFor, kafka.bootstrapServers(), topic, Set.of(bug))) {
      new Storefront(traces.openTelemetryFor("storefront"), system.gatewayUri()).checkout("alice", "alice@example.com", sku);
      TraceForest forest = traces.awaitUntil("the checkout's spans", done);
      if (!bug.equals(Bug.SPAN_NEVER_ENDED)) {
        forest = traces.awaitAllEnded();
      }
      // The gate prints its own report after the test (warn mode): that is what a user sees in CI.
      List<Finding> findings = Rules.check(forest).stream().filter(f -> f.rule().equals(rule)).toList();
      return findings.stream().map(f -> normalized(f.summary())).toList();
    }
  }

  private static Predicate<TraceForest> hasSpan(String prefix) {
    return f -> f.spans().stream().anyMatch(s -> s.name().startsWith(prefix));
  }

  /** Ids, thread numbers and topic suffixes change from run to run. */
  private String normalized(String text) {
    return text.replace(topic, "orders")
        .replaceAll("\\b[0-9a-f]{32}\\b", "<trace-id>")
        .replaceAll("\\b[0-9a-f]{16}\\b", "<span-id>")
        // CompletableFuture runs async stages on the common pool, or on a new thread per task
        // when the pool has fewer than two workers (as on a 2-core machine).
        .replaceAll("ForkJoinPool\\.commonPool-worker-\\d+|Thread-\\d+", "<async-thread>");
  }

  @Test
  void consumerThatDoesNotExtractTheHeaders(CapturedTraces traces) throws Exception {
    assertThat(findings(traces, Bug.CONSUMER_IGNORES_HEADERS, "sku-42", "orphaned-root", hasSpan("INSERT")))
        .containsExactly(
            "[orphaned-root] consumer span \"orders process\" (order-worker) started a new trace, but producer span"
                + " \"orders publish\" (api-gateway) sent to Kafka topic \"orders\" in trace <trace-id>: the hop"
                + " \"orders publish\" (api-gateway) -> \"orders process\" (order-worker) is broken\n"
                + "  likely cause: the consumer did not extract the context from the Kafka record headers (traceparent),"
                + " or the producer did not inject it; a consumer may also link to the producer's context");
  }

  @Test
  void workerPoolWithoutContext(CapturedTraces traces) throws Exception {
    List<String> found = findings(traces, Bug.POOL_WITHOUT_CONTEXT, "sku-42", "orphaned-root", hasSpan("INSERT"));
    assertThat(found).singleElement().asString()
        // "while ... was open" or "after ... had run": whether the pool started before the consumer span ended
        .matches("(?s)\\[orphaned-root\\] span \"process order\" \\(order-worker\\) started a new trace on thread"
            + " \"order-worker-pool\" (while|after) span \"orders process\" \\(order-worker\\) in trace <trace-id>"
            + " (was open|had run \\(and ended\\)) on thread \"order-worker-consumer\"\n"
            + "  likely cause: the task ran without the submitter's context: wrap the executor with"
            + " Context.taskWrapping\\(executor\\) or the task with Context.current\\(\\).wrap\\(task\\)");
  }

  @Test
  void grpcCallWithoutTheInterceptor(CapturedTraces traces) throws Exception {
    assertThat(findings(traces, Bug.GRPC_WITHOUT_INTERCEPTOR, "sku-42", "orphaned-root", hasSpan("INSERT")))
        .containsExactly(
            "[orphaned-root] server span \"auth.AuthService/Validate\" (auth-service) started a new trace while span"
                + " \"POST /checkout\" (api-gateway) in trace <trace-id> was in progress, and no client span calls it:"
                + " the hop from \"api-gateway\" -> \"auth.AuthService/Validate\" (auth-service) is broken\n"
                + "  likely cause: the gRPC call was made without tracing, so no traceparent was sent (no client"
                + " interceptor on the channel)");
  }

  @Test
  void exceptionRecordedWithoutErrorStatus(CapturedTraces traces) throws Exception {
    assertThat(findings(traces, Bug.EXCEPTION_WITHOUT_ERROR_STATUS, "flaky-sku", "missing-error-status", hasSpan("INSERT")))
        .containsExactly(
            "[missing-error-status] span \"process order\" (order-worker) recorded exception"
                + " java.lang.IllegalStateException: \"stock reservation timed out for flaky-sku\", but its status is"
                + " UNSET\n"
                + "  likely cause: recordException() adds an event but does not set the status: also call"
                + " span.setStatus(StatusCode.ERROR)");
  }

  @Test
  void http5xxWithoutErrorStatus(CapturedTraces traces) throws Exception {
    assertThat(findings(traces, Bug.HTTP_5XX_WITHOUT_ERROR, "discontinued", "missing-error-status", hasSpan("POST /checkout")))
        .containsExactly(
            "[missing-error-status] span \"POST /checkout\" (api-gateway) is an HTTP server span that answered 503,"
                + " but its status is UNSET\n"
                + "  likely cause: the instrumentation did not set the status to ERROR for this failure: call"
                + " span.setStatus(StatusCode.ERROR) where the failure is handled");
  }

  @Test
  void emailAndAccessTokenInAttributes(CapturedTraces traces) throws Exception {
    assertThat(findings(traces, Bug.PII_IN_ATTRIBUTES, "sku-42", "pii", hasSpan("INSERT")))
        .containsExactlyInAnyOrder(
            "[pii] span \"POST /checkout\" (api-gateway) has an email address [email] in attribute \"user.email\":"
                + " a***@e***.com\n"
                + "  likely cause: the instrumentation records user data: drop or hash the attribute, or redact it"
                + " before export (e.g. in the Collector)",
            "[pii] span \"POST /checkout\" (api-gateway) has credentials in a URL [url-credentials] in attribute"
                + " \"url.full\": to***\n"
                + "  likely cause: credentials must never be recorded: stop capturing this header or parameter, or"
                + " redact it before export (e.g. in the Collector)");
  }

  @Test
  void sqlWithLiterals(CapturedTraces traces) throws Exception {
    assertThat(findings(traces, Bug.SQL_WITH_LITERALS, "sku-42", "sql-literal", hasSpan("INSERT")))
        .containsExactly(
            "[sql-literal] span \"INSERT orders.orders\" (order-worker): SQL statement is not parameterized: literal 'a***' in"
                + " VALUES\n"
                + "  likely cause: the query was built by concatenating values: use a PreparedStatement with ?"
                + " parameters, or let the instrumentation sanitize statements");
  }

  @Test
  void spanNeverEnded(CapturedTraces traces) throws Exception {
    assertThat(findings(traces, Bug.SPAN_NEVER_ENDED, "low-stock", "span-never-ended", hasSpan("process order")))
        .containsExactly(
            "[span-never-ended] span \"reserve stock\" [INTERNAL] (<span-id>) was started on thread"
                + " \"order-worker-pool\" and never ended\n"
                + "  likely cause: end() was not called on every path (end spans in a finally block), or asynchronous"
                + " work outlived the test");
  }

  @Test
  void contextLostInSupplyAsync(CapturedTraces traces) throws Exception {
    assertThat(findings(traces, Bug.SUPPLY_ASYNC_WITHOUT_CONTEXT, "sku-42", "orphaned-root", hasSpan("INSERT")))
        .containsExactly(
            "[orphaned-root] span \"price order\" (order-worker) started a new trace on thread"
                + " \"<async-thread>\" while span \"process order\" (order-worker) in trace <trace-id>"
                + " was open on thread \"order-worker-pool\"\n"
                + "  likely cause: " + supplyAsyncCause());
  }

  /**
   * supplyAsync runs on the common pool, or on a new thread per task when the common pool has one
   * thread (a machine with two cores or fewer): the hint follows the thread the stage ran on.
   */
  private static String supplyAsyncCause() {
    return java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() > 1
        ? "a CompletableFuture async stage ran on the common pool without the caller's context: give the *Async"
            + " method an executor wrapped with Context.taskWrapping(executor), or wrap the lambda with"
            + " Context.current().wrap(...)"
        : "the work ran on a new thread without the starter's context: start the thread with"
            + " Context.current().wrap(runnable); for a CompletableFuture *Async stage (a new thread per task when"
            + " the common pool has one thread) pass an executor wrapped with Context.taskWrapping(executor)";
  }
}
