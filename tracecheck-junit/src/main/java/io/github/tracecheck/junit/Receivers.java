package io.github.tracecheck.junit;

import io.github.tracecheck.receiver.OtlpEndpoints;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * When {@link TraceCheckExtension} starts the run's OTLP receiver, and what each test learns from
 * it: started before a class that asks for it (or whose JVM runs the Java agent), or when a test
 * asks for its {@link OtlpEndpoints}; after each test, the exports it refused fail that test.
 */
final class Receivers {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Receivers.class);

  private Receivers() {}

  /** Starts the run's receiver if the class asks for one, or the Java agent runs in this JVM. */
  static void beforeAll(ExtensionContext context, TraceCheckSession session) {
    if (settings(context).enabled()) {
      receiver(context, session);
    }
  }

  static void beforeEach(ExtensionContext context) {
    running(context).ifPresent(receiver -> receiver.testStarted(context.getUniqueId()));
  }

  /**
   * Fails the test if the receiver refused exports while it ran: its capture is incomplete, so the
   * gate's verdict on it would be too.
   */
  static void afterEach(ExtensionContext context) {
    Optional<RunReceiver> receiver = running(context);
    String refused = receiver.map(r -> r.refusedDuring(context.getUniqueId())).orElse(null);
    if (refused != null) {
      throw new AssertionError(refused);
    }
  }

  /** The run's receiver's endpoints, starting it if needed. */
  static OtlpEndpoints endpoints(ExtensionContext context, TraceCheckSession session) {
    return receiver(context, session).endpoints();
  }

  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: JUnit 5.14 has no computeIfAbsent
  private static RunReceiver receiver(ExtensionContext context, TraceCheckSession session) {
    ReceiverSettings settings = settings(context);
    RunReceiver receiver = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
        RunReceiver.class, k -> RunReceiver.start(session.capture(), settings), RunReceiver.class);
    // A receiver started in the middle of a test must count that test's refusals too.
    if (context.getTestMethod().isPresent()) {
      receiver.testStarted(context.getUniqueId());
    }
    return receiver;
  }

  private static Optional<RunReceiver> running(ExtensionContext context) {
    return Optional.ofNullable(context.getRoot().getStore(NAMESPACE).get(RunReceiver.class, RunReceiver.class));
  }

  private static ReceiverSettings settings(ExtensionContext context) {
    ReceiverSettings settings = ReceiverSettings.read(annotation(context), new PropertySource(context::getConfigurationParameter));
    return AGENT.get().map(agent -> agent.apply(settings)).orElse(settings);
  }

  // The agent is attached at JVM start or never: read its settings once. A misconfigured agent
  // fails every class (the error is thrown again), never just the first.
  private static final Supplier<Optional<JavaAgentExport>> AGENT = new Supplier<>() {
    private Optional<JavaAgentExport> export;
    private RuntimeException error;

    @Override
    public synchronized Optional<JavaAgentExport> get() {
      if (export == null && error == null) {
        try {
          export = JavaAgentExport.detect();
        } catch (RuntimeException e) {
          error = e;
        }
      }
      if (error != null) {
        throw error;
      }
      return export;
    }
  };

  /** The nearest {@link TraceCheck} on the test class or a class enclosing it. */
  private static TraceCheck annotation(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      Optional<TraceCheck> found = c.get().getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, TraceCheck.class));
      if (found.isPresent()) {
        return found.get();
      }
    }
    return null;
  }
}
