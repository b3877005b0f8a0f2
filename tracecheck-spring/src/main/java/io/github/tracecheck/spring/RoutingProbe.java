package io.github.tracecheck.spring;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Makes sure the application's spans reach tracecheck, so that a {@code @TraceCheck} test never
 * passes green on spans it could not see. When the application context is ready, each
 * {@link OpenTelemetry} bean starts one probe span; the {@link RunningCaptureSpanProcessor} must see
 * it (and drops it). An SDK that tracecheck's processor is not part of - built by hand, or by a
 * tracing stack that takes no {@code SpanProcessor} beans - or one that samples the probe out, fails
 * the context with the bean's name and what to do.
 */
final class RoutingProbe implements ApplicationListener<ContextRefreshedEvent> {

  /** The instrumentation scope of probe spans: the processor recognizes and drops them. */
  static final String SCOPE = "io.github.tracecheck.spring.probe";

  private final ConfigurableApplicationContext context;

  RoutingProbe(ConfigurableApplicationContext context) {
    this.context = context;
  }

  @Override
  public void onApplicationEvent(ContextRefreshedEvent event) {
    if (event.getApplicationContext() != context) {
      return; // a child context: its parent was probed
    }
    List<String> unrouted = new ArrayList<>();
    for (Map.Entry<String, OpenTelemetry> bean : context.getBeansOfType(OpenTelemetry.class).entrySet()) {
      if (!reachesTraceCheck(bean.getValue())) {
        unrouted.add("'" + bean.getKey() + "' (" + bean.getValue().getClass().getName() + ")");
      }
    }
    if (!unrouted.isEmpty()) {
      throw new IllegalStateException(
          "tracecheck cannot see this application's spans: the OpenTelemetry bean(s) " + String.join(", ", unrouted)
              + " do not pass spans to tracecheck's span processor, so a @TraceCheck test would check nothing."
              + " tracecheck-spring adds a SpanProcessor bean, which Spring Boot's own OpenTelemetry tracing"
              + " (Micrometer Tracing's OpenTelemetry bridge, spring-boot-starter-opentelemetry) adds to the SDK it"
              + " builds. An SDK built by hand must add every SpanProcessor bean (ObjectProvider<SpanProcessor>),"
              + " and must not sample spans out in tests.");
    }
  }

  private static boolean reachesTraceCheck(OpenTelemetry openTelemetry) {
    Span probe = openTelemetry.getTracer(SCOPE).spanBuilder("tracecheck routing probe").startSpan();
    try {
      return RunningCaptureSpanProcessor.sawProbe(probe.getSpanContext().getSpanId());
    } finally {
      probe.end();
    }
  }
}
