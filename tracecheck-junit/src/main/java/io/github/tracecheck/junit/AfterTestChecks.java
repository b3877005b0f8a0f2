package io.github.tracecheck.junit;

import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.RuleOptions;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What {@link TraceCheckExtension} does after each test: the bound on captured spans, the gate
 * with the settings that apply to this test method, the reports, and the outcome.
 */
final class AfterTestChecks {

  private AfterTestChecks() {}

  static void run(ExtensionContext context, TraceCheckSession session, TestReports reports) {
    Object test = context.getUniqueId();
    int dropped = session.capture().droppedSpans(test);
    int droppedStarts = session.capture().droppedStarts(test);
    if (dropped > 0 || droppedStarts > 0) {
      String message = "tracecheck captured more spans than " + TraceCheckSettings.MAX_SPANS + "="
          + session.settings().maxSpans() + " allows: " + dropped + " ended span(s) and " + droppedStarts
          + " span start(s) were not kept, and the checks did not run. Raise the bound if the test really"
          + " makes that many spans.";
      TraceCheckGateError error = new TraceCheckGateError(message);
      context.getExecutionException().ifPresentOrElse(e -> e.addSuppressed(error), () -> {
        throw error;
      });
      return;
    }
    TraceCheckSettings settings = session.settings();
    ResolvedSettings resolved = session.resolved(context, () -> resolve(context, settings));
    GateSettings gate = resolved.gate;
    boolean testFailed = context.getExecutionException().isPresent();
    if (gate.allOff()) {
      if (reports.wanted(testFailed)) {
        reports.write(context, session.capture().snapshot(test), List.of(), testFailed);
      }
      return;
    }
    Gate.Verdict verdict = Gate.run(session.capture(), test, gate, settings.gateAwait(), resolved.options, TestMark.expectedContext(context));
    boolean failed = testFailed || !verdict.failures.isEmpty();
    reports.recordFindings(context, verdict.forest, verdict.failures, verdict.warnings);
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

  /** A test method's gate settings and rule options, from properties and every annotation that applies. */
  static final class ResolvedSettings {
    final GateSettings gate;
    final RuleOptions options;

    ResolvedSettings(GateSettings gate, RuleOptions options) {
      this.gate = gate;
      this.options = options;
    }
  }

  private static ResolvedSettings resolve(ExtensionContext context, TraceCheckSettings settings) {
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
    RuleOptions options =
        RuleOptions.defaults()
            .withLinksConnect(settings.linksConnect())
            .withPiiDetectors(pii.detectors())
            .withPiiAllowances(pii.allowances())
            .withEntryPoints(settings.entryPoints());
    return new ResolvedSettings(gate, options);
  }

}
