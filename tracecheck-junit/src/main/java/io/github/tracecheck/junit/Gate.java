package io.github.tracecheck.junit;

import io.github.tracecheck.capture.ContextLeakProbe;
import io.github.tracecheck.capture.SpanCapture;
import io.github.tracecheck.model.ContextLeak;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.render.FindingsReport;
import io.github.tracecheck.rules.RuleOptions;
import io.github.tracecheck.rules.Rules;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the checks after a test: looks for a context left current on the test thread, waits (with a
 * bound) for spans still in flight, then runs the rules on the test's spans. Splits the findings by mode, drops the
 * suppressed ones, and reports.
 */
final class Gate {

  /** What the gate concluded for one test. */
  static final class Verdict {
    final List<Finding> failures;
    final List<Finding> warnings;
    final List<String> suppressed;
    final TraceForest forest;

    Verdict(List<Finding> failures, List<Finding> warnings, List<String> suppressed, TraceForest forest) {
      this.failures = failures;
      this.warnings = warnings;
      this.suppressed = suppressed;
      this.forest = forest;
    }

    String failureMessage() {
      return FindingsReport.render(
          "tracecheck found " + FindingsReport.count(failures.size()) + " in the traces of this test:",
          failures,
          forest);
    }

    String warningMessage() {
      return FindingsReport.render(
          "tracecheck warning: " + FindingsReport.count(warnings.size())
              + " in the traces of this test (mode warn, the test is not failed):",
          warnings,
          forest);
    }
  }

  private Gate() {}

  /** @param expected the context the test thread should have current now (the test's marked root) */
  static Verdict run(
      SpanCapture capture, Object test, GateSettings settings, Duration await, RuleOptions options, Context expected) {
    // The test thread is inspected first: the wait below must not run with a leaked context current.
    List<ContextLeak> leaks =
        ContextLeakProbe.takeFromCurrentThread(capture.startedSpans(test), expected).stream().toList();
    awaitOpenSpans(capture, test, await);
    TraceForest forest = capture.snapshot(test).withContextLeaks(leaks);
    List<Finding> findings = Rules.check(forest, settings.activeRules(), options);

    List<Finding> failures = new ArrayList<>();
    List<Finding> warnings = new ArrayList<>();
    List<String> suppressed = new ArrayList<>();
    for (Finding finding : findings) {
      Suppression suppression = firstMatching(settings.suppressions(), finding);
      if (suppression != null) {
        suppressed.add(suppression.describe() + " (span \"" + Masking.redact(finding.spanName()) + "\")");
      } else if (settings.mode(finding.rule()) == GateMode.FAIL) {
        failures.add(finding);
      } else {
        warnings.add(finding);
      }
    }
    return new Verdict(failures, warnings, suppressed, forest);
  }

  /** Waits, at most {@code await}, for every started span to end; in-flight work usually does. */
  private static void awaitOpenSpans(SpanCapture capture, Object test, Duration await) {
    try {
      // Spans still open after the wait are reported by the span-never-ended rule.
      capture.await(() -> capture.openSpanCount(test) == 0, await);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Suppression firstMatching(List<Suppression> suppressions, Finding finding) {
    for (Suppression suppression : suppressions) {
      if (suppression.matches(finding)) {
        return suppression;
      }
    }
    return null;
  }

  /** Publishes warnings and suppressions; fails the test, or adds to its own failure. */
  static void report(Verdict verdict, Throwable testFailure, Consumer<String> publish) {
    for (String line : verdict.suppressed) {
      publish.accept(line);
    }
    if (!verdict.warnings.isEmpty()) {
      publish.accept(verdict.warningMessage());
    }
    if (verdict.failures.isEmpty()) {
      return;
    }
    TraceCheckGateError error = new TraceCheckGateError(verdict.failureMessage());
    if (testFailure != null) {
      testFailure.addSuppressed(error);
      return;
    }
    throw error;
  }
}
