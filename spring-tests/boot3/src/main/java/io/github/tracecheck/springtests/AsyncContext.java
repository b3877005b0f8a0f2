package io.github.tracecheck.springtests;

import io.opentelemetry.context.Context;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/**
 * Hands the caller's context (and so its span) to {@code @Async} tasks, unless the bug is planted:
 * Micrometer's (observations, through the context-propagation library) and OpenTelemetry's (which
 * the starter uses; with Micrometer Tracing's bridge it holds the same span).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${checkout.bug:NONE}' != 'ASYNC_WITHOUT_CONTEXT'")
class AsyncContext {

  @Bean
  TaskDecorator contextPropagatingTaskDecorator() {
    ContextPropagatingTaskDecorator micrometer = new ContextPropagatingTaskDecorator();
    return task -> micrometer.decorate(Context.current().wrap(task));
  }
}
