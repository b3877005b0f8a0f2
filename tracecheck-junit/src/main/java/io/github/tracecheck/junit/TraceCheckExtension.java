package io.github.tracecheck.junit;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.receiver.OtlpEndpoints;
import io.github.tracecheck.render.TraceTreeRenderer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link TraceCheck}; register it with the annotation.
 *
 * <p>State lives in {@code ExtensionContext.Store}s, closed by JUnit when their context ends: the
 * run's capture and reports in the root context's store ({@link TraceCheckRun}, {@link
 * TestReports}), each class's SDKs and settings in the store of the outermost test class that
 * carries the annotation ({@link TraceCheckSession}; nested classes share it). What happens after
 * each test is {@link AfterTestChecks}.
 */
public final class TraceCheckExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TraceCheckExtension.class);
  private static final String SESSION = "session";

  // Looked up several times per test: the annotation search is done once per class.
  private static final ClassValue<Boolean> ANNOTATED =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return AnnotationSupport.isAnnotated(type, TraceCheck.class);
        }
      };

  @Override
  public void beforeAll(ExtensionContext context) {
    OpenTelemetrySdkRequirement.check();
    CollectorLints.beforeAll(context,
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), TraceCheck.class).orElse(null),
        new PropertySource(context::getConfigurationParameter));
    Receivers.beforeAll(context, session(context));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    // A test sees only the spans of its own run: from here on, traces started on this thread are its.
    TraceCheckSession session = session(context);
    session.capture().beginTest(context.getUniqueId(), session.settings().captureStackTraces(), session.settings().maxSpans());
    TestMark.open(context);
    Receivers.beforeEach(context);
  }

  /** Reports, at the end of a class, traces that could not be attributed to any one test. */
  @Override
  public void afterAll(ExtensionContext context) {
    TraceCheckSession session = session(context);
    TraceForest unattributed = session.capture().unattributed();
    if (unattributed.isEmpty()) {
      return;
    }
    session.capture().clearUnattributed();
    String report =
        TraceTreeRenderer.create().render(unattributed)
            + "\n(these traces started on threads no test owned while several tests ran, so tracecheck cannot"
            + " tell which test they belong to; no test was failed for them)";
    context.publishReportEntry("tracecheck.unattributed", report);
    System.err.println("tracecheck: " + unattributed.traces().size() + " unattributed trace(s) at the end of "
        + context.getDisplayName() + ":\n" + report);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      Receivers.afterEach(context);
      AfterTestChecks.run(context, session(context), reports(context));
    } finally {
      session(context).capture().endTest(context.getUniqueId());
      TestMark.close(context);
    }
  }

  /** The run's reports, shared by every test class (the index lists them all). */
  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: JUnit 5.14 has no computeIfAbsent
  private static TestReports reports(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
        TestReports.class, k -> TestReports.read(new PropertySource(context::getConfigurationParameter)), TestReports.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == OpenTelemetry.class || type == Tracer.class || type == CapturedTraces.class
        || type == OtlpEndpoints.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    TraceCheckSession session = session(context);
    if (type == OpenTelemetry.class) {
      return session.openTelemetry();
    }
    if (type == OtlpEndpoints.class) {
      return Receivers.endpoints(context, session);
    }
    if (type == Tracer.class) {
      return session.openTelemetry().getTracer(context.getRequiredTestClass().getName());
    }
    Object test = context.getTestMethod().isPresent() ? context.getUniqueId() : CapturedTraces.CURRENT_TEST;
    return new CapturedTraces(session.capture(), test, session.telemetry(), session.settings().awaitTimeout());
  }

  // getOrComputeIfAbsent is deprecated in JUnit 6 for computeIfAbsent, which JUnit 5.14 lacks.
  @SuppressWarnings("deprecation")
  static TraceCheckSession session(ExtensionContext context) {
    ExtensionContext owner = owningClassContext(context);
    return owner
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(SESSION, key -> newSession(owner), TraceCheckSession.class);
  }

  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: JUnit 5.14 has no computeIfAbsent
  private static TraceCheckRun run(ExtensionContext context) {
    boolean parallel = context.getConfigurationParameter(TraceCheckRun.PARALLEL).map(Boolean::parseBoolean).orElse(false);
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(TraceCheckRun.class, k -> new TraceCheckRun(parallel), TraceCheckRun.class);
  }

  private static TraceCheckSession newSession(ExtensionContext classContext) {
    Class<?> testClass = classContext.getRequiredTestClass();
    TraceCheck annotation =
        AnnotationSupport.findAnnotation(testClass, TraceCheck.class).orElse(null);
    TraceCheckSettings settings =
        TraceCheckSettings.read(
            annotation, new PropertySource(classContext::getConfigurationParameter), testClass);
    return new TraceCheckSession(settings, run(classContext));
  }

  /** The outermost class-level context annotated with {@link TraceCheck}, else the nearest class. */
  private static ExtensionContext owningClassContext(ExtensionContext context) {
    ExtensionContext nearestClass = null;
    ExtensionContext annotated = null;
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      ExtensionContext current = c.get();
      boolean classLevel = current.getTestClass().isPresent() && current.getTestMethod().isEmpty();
      if (!classLevel) {
        continue;
      }
      if (nearestClass == null) {
        nearestClass = current;
      }
      if (ANNOTATED.get(current.getRequiredTestClass())) {
        annotated = current;
      }
    }
    if (annotated != null) {
      return annotated;
    }
    if (nearestClass != null) {
      return nearestClass;
    }
    throw new IllegalStateException("@TraceCheck needs a test class context, got " + context.getUniqueId());
  }
}
