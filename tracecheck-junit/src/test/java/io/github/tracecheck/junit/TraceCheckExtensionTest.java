package io.github.tracecheck.junit;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs small test classes through the JUnit Platform, as a user's build would, and checks what the
 * extension did for them.
 */
class TraceCheckExtensionTest {

  static final List<String> observed = new ArrayList<>();

  static Events run(Class<?> testClass) {
    return run(testClass, Map.of());
  }

  static Events run(Class<?> testClass, Map<String, String> properties) {
    return runAll(testClass, properties).testEvents();
  }

  static org.junit.platform.testkit.engine.EngineExecutionResults runAll(
      Class<?> testClass, Map<String, String> properties) {
    observed.clear();
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(properties)
        .selectors(selectClass(testClass))
        .execute();
  }

  @TraceCheck
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class EachTestSeesOnlyItsOwnSpans {
    @Test
    @Order(1)
    void first(Tracer tracer, CapturedTraces traces) {
      tracer.spanBuilder("first").startSpan().end();
      assertThat(traces.snapshot()).singleTrace().hasRootNamed("first");
    }

    @Test
    @Order(2)
    void second(Tracer tracer, CapturedTraces traces) {
      tracer.spanBuilder("second").startSpan().end();
      assertThat(traces.snapshot()).singleTrace().hasRootNamed("second");
    }
  }

  @Test
  void eachTestSeesOnlyItsOwnSpans() {
    run(EachTestSeesOnlyItsOwnSpans.class).assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @TraceCheck
  static class ResolvesParametersAndSetsTheGlobal {
    private final OpenTelemetry fromConstructor;

    ResolvesParametersAndSetsTheGlobal(OpenTelemetry otel) {
      this.fromConstructor = otel;
    }

    @Test
    void parameters(OpenTelemetry otel, Tracer tracer, CapturedTraces traces) {
      assertThat(otel).isSameAs(fromConstructor);
      // The global hands out the same SDK's tracers: spans from it are captured.
      GlobalOpenTelemetry.getTracer("via-global").spanBuilder("global span").startSpan().end();
      tracer.spanBuilder("injected span").startSpan().end();
      assertThat(traces.snapshot().traces()).hasSize(2);
      assertThat(traces.snapshot().spans().get(0).serviceName()).isEqualTo("ResolvesParametersAndSetsTheGlobal");
      observed.add("ran");
    }

    @Test
    void w3cPropagatorsAreInstalled(OpenTelemetry otel, Tracer tracer) {
      Map<String, String> carrier = new HashMap<>();
      Span span = tracer.spanBuilder("client").startSpan();
      try (Scope ignored = span.makeCurrent()) {
        io.opentelemetry.api.baggage.Baggage.builder().put("tenant", "acme").build().storeInContext(
            io.opentelemetry.context.Context.current()).makeCurrent().close();
        TextMapPropagator propagator = otel.getPropagators().getTextMapPropagator();
        propagator.inject(io.opentelemetry.context.Context.current(), carrier, Map::put);
      } finally {
        span.end();
      }
      assertThat(carrier).containsKey("traceparent");
      assertThat(otel.getPropagators().getTextMapPropagator().fields()).contains("traceparent", "baggage");
    }
  }

  @Test
  void resolvesParametersSetsTheGlobalAndRestoresTheStateBefore() {
    GlobalOpenTelemetry.resetForTest();
    OpenTelemetry before = OpenTelemetry.noop();
    GlobalOpenTelemetry.set(before);
    try {
      run(ResolvesParametersAndSetsTheGlobal.class).assertStatistics(s -> s.succeeded(2).failed(0));
      assertThat(observed).containsExactly("ran");
      assertThat(GlobalOpenTelemetry.getTracerProvider()).isSameAs(before.getTracerProvider());
    } finally {
      GlobalOpenTelemetry.resetForTest();
    }
    run(EachTestSeesOnlyItsOwnSpans.class);
    assertThat(GlobalSwap.current() != null).as("nothing set before, nothing left after").isFalse();
  }

  @TraceCheck
  static class AwaitsAsyncSpans {
    @Test
    void awaitsASpanEndedOnAnotherThread(Tracer tracer, CapturedTraces traces) throws Exception {
      Span parent = tracer.spanBuilder("submit").startSpan();
      io.opentelemetry.context.Context context = io.opentelemetry.context.Context.current().with(parent);
      Thread worker =
          new Thread(
              context.wrap(
                  () -> {
                    Span child = tracer.spanBuilder("work").startSpan();
                    child.end();
                  }));
      worker.start();
      parent.end();
      TraceForest forest = traces.awaitSpan("work");
      assertThat(forest).singleTrace().hasPath("submit", "work");
      worker.join();
    }

    @Test
    void awaitsEveryStartedSpanToEnd(Tracer tracer, CapturedTraces traces) {
      Span slow = tracer.spanBuilder("slow").startSpan();
      new Thread(slow::end).start();
      assertThat(traces.awaitAllEnded()).singleTrace().hasRootNamed("slow");
      assertThat(traces.openSpans()).isEmpty();
      assertThat(traces.awaitSpanCount(1).spanCount()).isEqualTo(1);
    }
  }

  @Test
  void awaitsAsyncSpansWithoutSleeping() {
    run(AwaitsAsyncSpans.class).assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @TraceCheck(awaitTimeout = "200ms")
  static class AwaitTimesOut {
    @Test
    void neverEnded(Tracer tracer, CapturedTraces traces) {
      tracer.spanBuilder("done").startSpan().end();
      tracer.spanBuilder("still running").startSpan();
      traces.awaitAllEnded();
    }
  }

  @Test
  void timeoutSaysWhatWasMissingAndDrawsWhatWasCaptured() {
    Events events = run(AwaitTimesOut.class);
    events.assertStatistics(s -> s.failed(1));
    Throwable failure =
        events.failed().stream().findFirst().orElseThrow().getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
            .getThrowable().orElseThrow();
    assertThat(failure)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Timed out after 200 ms waiting for every started span to end.\n"
            + "Still open (started, never ended): 1 span\n"
            + "  'still running' [INTERNAL] ")
        .hasMessageContaining("started on thread '")
        .hasMessageContaining("\nCaptured so far:\ntrace ");
    assertThat(failure.getMessage()).containsPattern("\\(1 span\\)\n   done \\[INTERNAL] AwaitTimesOut \\d+\\.\\d ms$");
  }

  @TraceCheck(resourceAttributes = {"service.name=checkout", "deployment.environment.name=test"})
  static class ResourceFromAnnotation {
    @Test
    void resource(Tracer tracer, CapturedTraces traces) {
      tracer.spanBuilder("s").startSpan().end();
      var resource = traces.spans().get(0).getResource();
      assertThat(resource.getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("checkout");
      assertThat(resource.getAttribute(AttributeKey.stringKey("deployment.environment.name"))).isEqualTo("test");
    }
  }

  @TraceCheck
  static class ResourceFromProperties {
    @Test
    void resource(Tracer tracer, CapturedTraces traces) {
      tracer.spanBuilder("s").startSpan().end();
      var resource = traces.spans().get(0).getResource();
      assertThat(resource.getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("from-properties");
      assertThat(traces.defaultTimeout()).hasMillis(1500);
    }
  }

  @Test
  void settingsComeFromTheAnnotationAndFromProperties() {
    run(ResourceFromAnnotation.class, Map.of("tracecheck.resource.attributes", "service.name=ignored"))
        .assertStatistics(s -> s.succeeded(1));
    run(
            ResourceFromProperties.class,
            Map.of("tracecheck.resource.attributes", "service.name=from-properties", "tracecheck.await.timeout", "1500ms"))
        .assertStatistics(s -> s.succeeded(1));
  }

  @Test
  void badSettingsAreAConfigurationErrorNamingTheKey() {
    runAll(ResourceFromProperties.class, Map.of("tracecheck.await.timeout", "soon"))
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                container(ResourceFromProperties.class),
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(
                        "tracecheck.await.timeout: 'soon' is not a duration; use e.g. 500ms, 10s, 2m or PT10S"))));
    runAll(ResourceFromProperties.class, Map.of("tracecheck.resource.attributes", "service.name"))
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                container(ResourceFromProperties.class),
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message("tracecheck.resource.attributes: 'service.name' is not a key=value pair"))));
  }

  @Test
  void aCollectorConfigWithoutTheCollectorModuleIsAConfigurationErrorSayingWhatToAdd() {
    runAll(EachTestSeesOnlyItsOwnSpans.class, Map.of(TraceCheck.COLLECTOR_CONFIG_PROPERTY_NAME, "deploy/gateway.yaml"))
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                container(EachTestSeesOnlyItsOwnSpans.class),
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message("tracecheck.collector.config=deploy/gateway.yaml asks for the Collector configuration"
                        + " lint, but the module tracecheck-collector is not on the test classpath: add"
                        + " io.github.tracecheck:tracecheck-collector (test scope)"))));
    runAll(EachTestSeesOnlyItsOwnSpans.class, Map.of(TraceCheck.COLLECTOR_CONFIG_PROPERTY_NAME, "deploy/gateway.yaml",
            TraceCheck.COLLECTOR_LINT_PROPERTY_NAME, "off"))
        .testEvents()
        .assertStatistics(s -> s.failed(0).succeeded(2));
  }

  @TraceCheck
  static class OuterWithNested {
    static OpenTelemetry outer;

    @Test
    void outerTest(OpenTelemetry otel) {
      outer = otel;
    }

    @Nested
    class Inner {
      @Test
      void sharesTheOuterSession(OpenTelemetry otel, Tracer tracer, CapturedTraces traces) {
        assertThat(otel).isSameAs(outer);
        tracer.spanBuilder("inner").startSpan().end();
        assertThat(traces.snapshot()).singleTrace().hasRootNamed("inner");
      }
    }
  }

  @Test
  void nestedClassesShareTheOuterClassSession() {
    run(OuterWithNested.class).assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @TraceCheck
  static class ServicesInOneJvm {
    @Test
    void eachServiceHasItsOwnServiceName(CapturedTraces traces) {
      Tracer gateway = traces.openTelemetryFor("api-gateway").getTracer("test");
      Tracer worker = traces.openTelemetryFor("order-worker").getTracer("test");
      Span root = gateway.spanBuilder("POST /checkout").startSpan();
      worker.spanBuilder("process").setParent(io.opentelemetry.context.Context.current().with(root)).startSpan().end();
      root.end();
      assertThat(traces.snapshot()).singleTrace().hasPath("POST /checkout", "process");
      assertThat(traces.snapshot().traces().get(0).serviceNames()).containsExactly("api-gateway", "order-worker");
      assertThat(traces.openTelemetryFor("api-gateway")).isSameAs(traces.openTelemetryFor("api-gateway"));
    }
  }

  @Test
  void multiServiceTestsGetOneOpenTelemetryPerService() {
    run(ServicesInOneJvm.class).assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @AfterAll
  static void noGlobalLeftBehind() {
    assertThat(GlobalSwap.current() != null).isFalse();
  }
}
