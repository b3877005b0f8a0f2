package io.github.tracecheck.spring;

import io.github.tracecheck.junit.internal.RunningCapture;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.trace.SpanProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Adds the tracecheck span and log record processors to the application's OpenTelemetry SDK.
 * Spring Boot's OpenTelemetry auto-configuration (Micrometer Tracing with the OpenTelemetry bridge)
 * adds every {@link SpanProcessor} bean to the tracer provider it builds and every {@link
 * LogRecordProcessor} bean to its logger provider, so a bean each is all it takes.
 */
@AutoConfiguration
@ConditionalOnClass({SpanProcessor.class, RunningCapture.class})
public class TraceCheckTracingAutoConfiguration {

  /** The processor that exports the application's spans into the running tracecheck capture. */
  @Bean
  SpanProcessor tracecheckSpanProcessor() {
    return new RunningCaptureSpanProcessor();
  }

  /**
   * The processor that hands the application's log records to the running capture: those the
   * application sends to its SDK through OpenTelemetry's Logback appender.
   */
  @Bean
  LogRecordProcessor tracecheckLogRecordProcessor() {
    return new RunningCaptureLogRecordProcessor();
  }
}
