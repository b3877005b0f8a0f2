package io.github.tracecheck.junit;

import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.RuleOptions;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * <p>State lives in the {@code ExtensionContext.Store} of the outermost test class that carries the
 * annotation (nested classes share it), and is closed by JUnit when that class is done.
 */
public final class TraceCheckExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TraceCheckExtension.class);
  private static final String SESSION = "session";

  @Override
  public void beforeAll(ExtensionContext context) {
    session(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    // A test sees only the spans of its own run.
    session(context).capture().reset();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TraceCheckSession session = session(context);
    TraceCheckSettings settings = session.settings();
    GateSettings gate = settings.gate();
    PiiSettings pii = settings.pii();
    // Nested classes and the method may each carry @TraceCheckRule / @SuppressFinding; outer first.
    List<Class<?>> classes = new ArrayList<>();
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      if (c.get().getTestMethod().isEmpty() && c.get().getTestClass().isPresent()) {
        classes.add(0, c.get().getRequiredTestClass());
      }
    }
    for (Class<?> testClass : classes) {
      gate = gate.with(testClass, testClass.getSimpleName());
      pii = pii.with(testClass, testClass.getSimpleName());
    }
    Method method = context.getRequiredTestMethod();
    String methodName = method.getDeclaringClass().getSimpleName() + "." + method.getName();
    gate = gate.with(method, methodName);
    pii = pii.with(method, methodName);
    boolean testFailed = context.getExecutionException().isPresent();
    TestReports reports = reports(context);
    if (gate.allOff()) {
      if (reports.wanted(testFailed)) {
        reports.write(context, session.capture().snapshot(), List.of(), testFailed);
      }
      return;
    }
    RuleOptions options =
        RuleOptions.defaults()
            .withLinksConnect(settings.linksConnect())
            .withPiiDetectors(pii.detectors())
            .withPiiAllowances(pii.allowances());
    Gate.Verdict verdict = Gate.run(session.capture(), gate, settings.gateAwait(), options);
    boolean failed = testFailed || !verdict.failures.isEmpty();
    if (reports.wanted(failed)) {
      List<Finding> all = new ArrayList<>(verdict.failures);
      all.addAll(verdict.warnings);
      reports.write(context, verdict.forest, all, failed);
    }
    Gate.report(
        verdict,
        context.getExecutionException().orElse(null),
        text -> {
          context.publishReportEntry("tracecheck", text);
          System.err.println(text);
        });
  }

  /** The run's reports, shared by every test class (the index lists them all). */
  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: JUnit 5.14 has no computeIfAbsent
  private static TestReports reports(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
        TestReports.class, k -> TestReports.read(context::getConfigurationParameter), TestReports.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == OpenTelemetry.class || type == Tracer.class || type == CapturedTraces.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    TraceCheckSession session = session(context);
    if (type == OpenTelemetry.class) {
      return session.openTelemetry();
    }
    if (type == Tracer.class) {
      return session.openTelemetry().getTracer(context.getRequiredTestClass().getName());
    }
    return session.traces();
  }

  // getOrComputeIfAbsent is deprecated in JUnit 6 for computeIfAbsent, which JUnit 5.14 lacks.
  @SuppressWarnings("deprecation")
  private static TraceCheckSession session(ExtensionContext context) {
    ExtensionContext owner = owningClassContext(context);
    return owner
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(SESSION, key -> newSession(owner), TraceCheckSession.class);
  }

  private static TraceCheckSession newSession(ExtensionContext classContext) {
    Class<?> testClass = classContext.getRequiredTestClass();
    TraceCheck annotation =
        AnnotationSupport.findAnnotation(testClass, TraceCheck.class).orElse(null);
    TraceCheckSettings settings =
        TraceCheckSettings.read(annotation, classContext::getConfigurationParameter, testClass.getSimpleName());
    return new TraceCheckSession(settings);
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
      if (AnnotationSupport.isAnnotated(current.getRequiredTestClass(), TraceCheck.class)) {
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
