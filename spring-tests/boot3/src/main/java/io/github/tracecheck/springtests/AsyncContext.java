package io.github.tracecheck.springtests;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/** Hands the caller's context (and so its span) to {@code @Async} tasks, unless the bug is planted. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${checkout.bug:NONE}' != 'ASYNC_WITHOUT_CONTEXT'")
class AsyncContext {

  @Bean
  ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
    return new ContextPropagatingTaskDecorator();
  }
}
