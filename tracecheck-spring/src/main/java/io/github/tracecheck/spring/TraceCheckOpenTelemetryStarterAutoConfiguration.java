package io.github.tracecheck.spring;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Adds the tracecheck span and log record processors to an SDK built by OpenTelemetry's Spring Boot
 * starter, which takes no processor beans but applies every {@link
 * AutoConfigurationCustomizerProvider} bean; in a test, the SDK samples every trace. The starter
 * installs OpenTelemetry's Logback appender itself, so the application's log records reach the
 * capture too.
 */
@AutoConfiguration
@ConditionalOnClass(AutoConfigurationCustomizerProvider.class)
public class TraceCheckOpenTelemetryStarterAutoConfiguration {

  /** Customizes the starter's SDK: tracecheck's processors, and every trace sampled. */
  @Bean
  AutoConfigurationCustomizerProvider tracecheckSdkCustomizer() {
    return customizer -> customizer
        .addTracerProviderCustomizer((builder, config) -> builder.addSpanProcessor(new RunningCaptureSpanProcessor()))
        .addLoggerProviderCustomizer((builder, config) -> builder.addLogRecordProcessor(new RunningCaptureLogRecordProcessor()))
        .addSamplerCustomizer((sampler, config) -> Sampler.alwaysOn());
  }
}
