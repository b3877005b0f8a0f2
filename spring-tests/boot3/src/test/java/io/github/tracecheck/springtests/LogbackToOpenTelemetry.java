package io.github.tracecheck.springtests;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * The application's logging setup, as Spring Boot's documentation describes it for OpenTelemetry:
 * OpenTelemetry's Logback appender on the application's loggers, given the application's {@code
 * OpenTelemetry} bean. {@code checkout.log.capture-mdc} says which MDC entries the appender copies into
 * each record ({@code *}: all, among them Micrometer Tracing's {@code traceId} and {@code spanId}).
 *
 * <p>The loggers have one such appender, as a {@code logback-spring.xml} would declare it: an
 * application started later replaces the one a cached application context installed, which would
 * otherwise send every line a second time, with its own settings.
 */
@TestConfiguration(proxyBeanMethods = false)
class LogbackToOpenTelemetry implements InitializingBean, DisposableBean {

  private final Logger applicationLoggers =
      ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("io.github.tracecheck.springtests");
  private static final String APPENDER_NAME = "OTEL";

  private final OpenTelemetryAppender appender = new OpenTelemetryAppender();

  LogbackToOpenTelemetry(OpenTelemetry openTelemetry, @Value("${checkout.log.capture-mdc:*}") String captureMdc) {
    appender.setName(APPENDER_NAME);
    appender.setContext(applicationLoggers.getLoggerContext());
    appender.setOpenTelemetry(openTelemetry);
    appender.setCaptureMdcAttributes(captureMdc);
  }

  @Override
  public void afterPropertiesSet() {
    appender.start();
    applicationLoggers.detachAppender(APPENDER_NAME);
    applicationLoggers.addAppender(appender);
  }

  /** A cached context of another test class must not keep logging into this one's SDK. */
  @Override
  public void destroy() {
    applicationLoggers.detachAppender(appender);
    appender.stop();
  }
}
