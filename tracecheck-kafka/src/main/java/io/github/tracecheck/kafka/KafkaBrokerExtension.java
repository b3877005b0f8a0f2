package io.github.tracecheck.kafka;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link KafkaBroker}. A shared broker lives in the root context's store and
 * is closed when the run ends; a per-class broker lives in the class's store. Clients a test made
 * through its {@link KafkaTestBroker} are closed after it.
 */
public final class KafkaBrokerExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  static final String REUSE = "tracecheck.kafka.reuse";
  static final String IMAGE = "tracecheck.kafka.image";
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    RunningBroker broker = broker(context);
    for (Field field : brokerFields(context.getRequiredTestClass(), true)) {
      field.set(null, new KafkaTestBroker(broker, ""));
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    Object instance = context.getRequiredTestInstance();
    for (Field field : brokerFields(instance.getClass(), false)) {
      field.set(instance, handle(context));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    KafkaTestBroker handle = context.getStore(NAMESPACE).get(KafkaTestBroker.class, KafkaTestBroker.class);
    if (handle != null) {
      handle.closeClients();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaTestBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return handle(context);
  }

  /** The handle of the current test (one per test method, sharing the broker). */
  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: JUnit 5.14 has no computeIfAbsent
  private KafkaTestBroker handle(ExtensionContext context) {
    RunningBroker broker = broker(context);
    boolean isolate = annotation(context).map(KafkaBroker::isolateTopics).orElse(true);
    String suffix = isolate && context.getTestMethod().isPresent() ? Integer.toHexString(context.getUniqueId().hashCode()) : "";
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(
        KafkaTestBroker.class, k -> new KafkaTestBroker(broker, suffix), KafkaTestBroker.class);
  }

  @SuppressWarnings("deprecation")
  private RunningBroker broker(ExtensionContext context) {
    Optional<KafkaBroker> annotation = annotation(context);
    BrokerMode mode;
    boolean reuse;
    try {
      mode = BrokerMode.parse(
          BrokerSelection.SETTING,
          annotation.map(KafkaBroker::mode).filter(m -> !m.isEmpty())
              .or(() -> context.getConfigurationParameter(BrokerSelection.SETTING)).orElse("auto"));
      String reuseText = annotation.map(KafkaBroker::reuse).filter(r -> !r.isEmpty())
          .or(() -> context.getConfigurationParameter(REUSE)).orElse("true");
      if (!reuseText.equals("true") && !reuseText.equals("false")) {
        throw new IllegalArgumentException(REUSE + ": '" + reuseText + "' is not true or false");
      }
      reuse = Boolean.parseBoolean(reuseText);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    }
    String image = context.getConfigurationParameter(IMAGE).orElse(ContainerKafkaBroker.IMAGE);
    BrokerMode chosen;
    try {
      chosen = BrokerSelection.choose(mode, DockerProbe.system());
    } catch (IllegalStateException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    }
    ExtensionContext owner = reuse ? context.getRoot() : classContext(context);
    String key = "broker-" + chosen + (reuse ? "" : "-" + owner.getUniqueId());
    return owner.getStore(NAMESPACE)
        .getOrComputeIfAbsent(key, k -> new ClosingBroker(BrokerSelection.start(chosen, image)), ClosingBroker.class)
        .broker;
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  private static Optional<KafkaBroker> annotation(ExtensionContext context) {
    return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, KafkaBroker.class));
  }

  private static Iterable<Field> brokerFields(Class<?> type, boolean statics) {
    java.util.List<Field> fields = new java.util.ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (field.getType() == KafkaTestBroker.class && Modifier.isStatic(field.getModifiers()) == statics
            && !Modifier.isFinal(field.getModifiers())) {
          field.setAccessible(true);
          fields.add(field);
        }
      }
    }
    return fields;
  }

  /**
   * Stored in a JUnit store, which closes it when its context ends. JUnit 5.13+ closes an
   * AutoCloseable; JUnit 5.12 only a CloseableResource: it is both (and closed once).
   */
  @SuppressWarnings("deprecation") // CloseableResource: deprecated since 5.13, needed on 5.12
  private static final class ClosingBroker implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    final RunningBroker broker;

    ClosingBroker(RunningBroker broker) {
      this.broker = broker;
    }

    @Override
    public void close() {
      broker.close();
    }
  }
}
