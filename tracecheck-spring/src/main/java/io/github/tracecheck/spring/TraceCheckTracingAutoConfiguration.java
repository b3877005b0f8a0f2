package io.github.tracecheck.spring;

import io.github.tracecheck.junit.internal.RunningCapture;
import io.opentelemetry.sdk.trace.SpanProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Adds the tracecheck span processor to the application's OpenTelemetry SDK. Spring Boot's
 * OpenTelemetry tracing auto-configuration (Micrometer Tracing with the OpenTelemetry bridge) adds
 * every {@link SpanProcessor} bean to the SDK it builds, so one bean is all it takes.
 */
@AutoConfiguration
@ConditionalOnClass({SpanProcessor.class, RunningCapture.class})
public class TraceCheckTracingAutoConfiguration {

  /** The processor that exports the application's spans into the running tracecheck capture. */
  @Bean
  SpanProcessor tracecheckSpanProcessor() {
    return new RunningCaptureSpanProcessor();
  }
}
