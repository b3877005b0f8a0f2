package io.github.tracecheck.rules.orphan;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.RuleOptions;
import io.github.tracecheck.testing.MapCarrier;
import io.github.tracecheck.testing.RealSdk;
import io.github.tracecheck.testing.StockServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.resources.Resource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The likely causes that name Spring's fix, chosen from evidence in real SDK spans: a Spring Kafka
 * listener container's thread name, and a caller traced by Spring's instrumentation; and the same
 * shapes without that evidence, which keep the general advice.
 */
class SpringLikelyCauseTest {

  private final RealSdk sdk = new RealSdk();
  private ExecutorService consumerThread;

  @AfterEach
  void close() {
    if (consumerThread != null) {
      consumerThread.shutdownNow();
    }
    sdk.close();
  }

  private static List<Finding> check(TraceForest forest) {
    return new OrphanedRootRule().check(forest, RuleOptions.defaults());
  }

  private void runOnThread(String name, Runnable work) throws Exception {
    consumerThread = Executors.newSingleThreadExecutor(r -> new Thread(r, name));
    consumerThread.submit(work).get();
  }

  /** What Spring Kafka's observed KafkaTemplate records, inside the checkout's request: the headers it sent. */
  private static Map<String, String> checkoutPublishes(Tracer checkout) {
    Map<String, String> headers = new HashMap<>();
    Span request = checkout.spanBuilder("http post /checkout").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = request.makeCurrent()) {
      Span send = checkout.spanBuilder("orders send").setSpanKind(SpanKind.PRODUCER)
          .setAttribute("messaging.system", "kafka")
          .setAttribute("messaging.operation", "publish")
          .setAttribute("messaging.destination.name", "orders")
          .setAttribute("spring.kafka.template.name", "kafkaTemplate")
          .startSpan();
      try (Scope sending = send.makeCurrent()) {
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
      } finally {
        send.end();
      }
    } finally {
      request.end();
    }
    return headers;
  }

  @Test
  void workOfASpringKafkaListenerWithoutObservationIsAnOrphanOfTheApplicationsOwnMessage() throws Exception {
    Tracer checkout = sdk.tracer("checkout");
    checkoutPublishes(checkout);
    // The container ran the listener with no observation: its work starts with the root context.
    runOnThread("fulfilment-0-C-1", () -> checkout.spanBuilder("fulfil").startSpan().end());

    assertThat(check(sdk.snapshot())).singleElement().satisfies(f -> {
      assertThat(f.spanName()).isEqualTo("fulfil");
      assertThat(f.related()).extracting(n -> n.name()).containsExactly("orders send");
      assertThat(f.message()).isEqualTo(
          "span \"fulfil\" (checkout) started a new trace after producer span \"orders send\" (checkout) sent to"
              + " Kafka topic \"orders\" in trace " + f.related().get(0).traceId() + ", and no consumer span"
              + " continued that message: the hop \"orders send\" (checkout) -> \"fulfil\" (checkout) is broken");
      assertThat(f.likelyCause()).isEqualTo(
          "the Spring Kafka listener container ran the listener without observation, so it did not extract the"
              + " context from the record headers (traceparent): set spring.kafka.listener.observation-enabled=true"
              + " (or ContainerProperties.setObservationEnabled(true) on the listener container factory), and"
              + " spring.kafka.template.observation-enabled=true for the KafkaTemplate that sends");
    });
  }

  /**
   * OpenTelemetry's Spring Boot starter with its Kafka instrumentation off: no producer span, no
   * traceparent, and the listener's {@code @WithSpan} work (the starter's scope) starts a new trace
   * on the container's thread. Spring Kafka's observation settings do not apply there.
   */
  @Test
  void workOfAListenerTracedByOpenTelemetrysStarterNamesItsKafkaInstrumentationNotSpringsObservation()
      throws Exception {
    Resource checkoutService = Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout"));
    Tracer webMvc = sdk.tracer(checkoutService, "io.opentelemetry.spring-webmvc-6.0", "2.31.1-alpha");
    Tracer withSpan = sdk.tracer(checkoutService, "io.opentelemetry.spring-boot-autoconfigure", "2.31.1");
    webMvc.spanBuilder("GET /checkout").setSpanKind(SpanKind.SERVER).startSpan().end();
    runOnThread("fulfilment-0-C-1", () -> withSpan.spanBuilder("fulfil").startSpan().end());

    assertThat(check(sdk.snapshot())).singleElement().satisfies(f -> {
      assertThat(f.spanName()).isEqualTo("fulfil");
      assertThat(f.likelyCause()).isEqualTo(
          "the Spring Kafka listener ran without OpenTelemetry's Kafka instrumentation, so no CONSUMER span"
              + " extracted the context from the record headers (traceparent): its work is traced by OpenTelemetry's"
              + " instrumentation, for which Spring Kafka's observation settings do not count: turn OpenTelemetry's"
              + " Kafka instrumentation on (OpenTelemetry's Spring Boot starter: remove"
              + " otel.instrumentation.kafka.enabled=false; it instruments the KafkaTemplate's producer factory and the"
              + " listener container factory beans)");
    });
  }

  @Test
  void aListenerWithObservationContinuesTheMessageAndIsConnected() throws Exception {
    Tracer checkout = sdk.tracer("checkout");
    Map<String, String> headers = checkoutPublishes(checkout);
    runOnThread("org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-1", () -> {
      Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, MapCarrier.GETTER);
      Span receive = checkout.spanBuilder("orders receive").setSpanKind(SpanKind.CONSUMER).setParent(extracted)
          .setAttribute("messaging.system", "kafka").setAttribute("messaging.source.name", "orders").startSpan();
      try (Scope ignored = receive.makeCurrent()) {
        checkout.spanBuilder("fulfil").startSpan().end();
      } finally {
        receive.end();
      }
    });

    TraceForest forest = sdk.snapshot();
    assertThat(forest.traces()).hasSize(1);
    assertThat(check(forest)).isEmpty();
  }

  @Test
  void theSameWorkOnAnotherConsumersThreadGetsTheGeneralAdvice() throws Exception {
    Tracer checkout = sdk.tracer("checkout");
    checkoutPublishes(checkout);
    runOnThread("orders-consumer", () -> checkout.spanBuilder("fulfil").startSpan().end());

    assertThat(check(sdk.snapshot()))
        .singleElement()
        .satisfies(f -> assertThat(f.related()).extracting(n -> n.name()).containsExactly("orders send"))
        .extracting(Finding::likelyCause)
        .isEqualTo(LikelyCause.CONSUMER_WITHOUT_EXTRACT);
  }

  @Test
  void aTaskOfTheSameServiceOnAWorkerThreadIsNotBlamedOnItsOwnMessage() throws Exception {
    Tracer checkout = sdk.tracer("checkout");
    checkoutPublishes(checkout);
    // Not a consumer's thread: the service's own message does not explain it (the thread hop does).
    runOnThread("worker-1", () -> checkout.spanBuilder("fulfil").startSpan().end());

    assertThat(check(sdk.snapshot())).singleElement().satisfies(f -> {
      assertThat(f.related()).extracting(n -> n.name()).containsExactly("orders send");
      assertThat(f.message())
          .startsWith("span \"fulfil\" (checkout) started a new trace on thread \"worker-1\" ")
          .doesNotContain("no consumer span continued that message");
      assertThat(f.likelyCause()).isEqualTo(LikelyCause.EXECUTOR);
    });
  }

  /** The checkout's request span, traced by the given scope, calls the inventory without sending traceparent. */
  private TraceForest untracedCallFrom(String callerScope) throws Exception {
    Tracer checkout = sdk.tracer(
        Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout")), callerScope, null);
    HttpServer inventory = StockServer.start(sdk.tracer("inventory"), true);
    try {
      Span request = checkout.spanBuilder("http get /checkout").setSpanKind(SpanKind.SERVER).startSpan();
      try (Scope ignored = request.makeCurrent()) {
        HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + inventory.getAddress().getPort() + "/stock/sku-1"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
        // The request goes on while the inventory ends its span (after its response): when that takes
        // the scheduler longer than the rule's tail, the call is missed - not what these tests are about.
        sdk.awaitEnded("GET /stock/{sku}");
      } finally {
        request.end();
      }
    } finally {
      inventory.stop(0);
    }
    return sdk.snapshot();
  }

  @Test
  void anUntracedCallFromASpringApplicationNamesBootsBuilder() throws Exception {
    assertThat(check(untracedCallFrom("org.springframework.boot"))).singleElement().satisfies(f -> {
      assertThat(f.message()).isEqualTo(
          "server span \"GET /stock/{sku}\" (inventory) started a new trace while span \"http get /checkout\""
              + " (checkout) in trace " + f.related().get(0).traceId() + " was in progress, and no client span calls"
              + " it: the hop from \"checkout\" -> \"GET /stock/{sku}\" (inventory) is broken");
      assertThat(f.likelyCause()).isEqualTo(
          "the HTTP call was made without tracing, so no traceparent was sent: the caller is a Spring application,"
              + " and a RestClient.create() or new RestTemplate() carries no observation: build the client from"
              + " Spring Boot's auto-configured RestClient.Builder (or RestTemplateBuilder)");
    });
  }

  @Test
  void anUntracedCallFromOpenTelemetrysSpringInstrumentationNamesBootsBuilderToo() throws Exception {
    assertThat(check(untracedCallFrom("io.opentelemetry.spring-webmvc-6.0")))
        .singleElement()
        .extracting(Finding::likelyCause)
        .isEqualTo(LikelyCause.SPRING_CLIENT_WITHOUT_BUILDER);
  }

  @Test
  void anUntracedCallFromOtherInstrumentationGetsTheGeneralAdvice() throws Exception {
    assertThat(check(untracedCallFrom("io.opentelemetry.servlet-5.0")))
        .singleElement()
        .extracting(Finding::likelyCause)
        .isEqualTo("the HTTP call was made without tracing, so no traceparent was sent (an uninstrumented client)");
  }
}
