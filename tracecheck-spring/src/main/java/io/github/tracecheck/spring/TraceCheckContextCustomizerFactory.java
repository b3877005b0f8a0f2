package io.github.tracecheck.spring;

import io.github.tracecheck.junit.TraceCheck;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Keeps tracing on in the application context of a {@code @TraceCheck} test class. Spring Boot's
 * test support turns tracing off unless the test opts in ({@code @AutoConfigureObservability}), which
 * leaves requests between the application's own endpoints unpropagated: every hop would look broken.
 * A tracecheck test is about tracing, so it opts in, and samples every trace. And it makes sure the
 * application's spans reach tracecheck at all ({@link RoutingProbe}).
 */
final class TraceCheckContextCustomizerFactory implements ContextCustomizerFactory {

  /** What a {@code @TraceCheck} test class's application context gets, with the highest precedence. */
  static final Map<String, Object> PROPERTIES =
      Map.of(
          // Spring Boot 3.x: tracing as a whole.
          "management.tracing.enabled", "true",
          // Spring Boot 4.x: propagation hangs on trace export being enabled...
          "management.tracing.export.enabled", "true",
          // ...but the spans go to the capture, not to a collector that a test does not run.
          "management.tracing.export.otlp.enabled", "false",
          "management.tracing.export.zipkin.enabled", "false",
          "management.tracing.sampling.probability", "1.0");

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    return TestContextAnnotationUtils.hasAnnotation(testClass, TraceCheck.class) ? new TracingOn() : null;
  }

  /** Equal to every other instance: the cached context is shared by all {@code @TraceCheck} classes. */
  private static final class TracingOn implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
      // Spring Boot's own test customizer sets tracing off in the same phase, in an order neither
      // controls. A post-processor added here runs after every customizer and before the
      // configuration (and its conditions) is read.
      context.addApplicationListener(new RoutingProbe(context));
      ConfigurableEnvironment environment = context.getEnvironment();
      context.addBeanFactoryPostProcessor(new BeanDefinitionRegistryPostProcessor() {
        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
          environment.getPropertySources().addFirst(new MapPropertySource("tracecheck", PROPERTIES));
        }

        @Override
        public void postProcessBeanFactory(
            org.springframework.beans.factory.config.ConfigurableListableBeanFactory beanFactory) {}
      });
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof TracingOn;
    }

    @Override
    public int hashCode() {
      return TracingOn.class.hashCode();
    }
  }
}
