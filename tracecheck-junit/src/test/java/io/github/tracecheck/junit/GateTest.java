package io.github.tracecheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.tracecheck.capture.TestContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs test classes through the JUnit Platform and checks what the gate reports, as users see it. */
class GateTest {

  static EngineExecutionResults run(Class<?> testClass, Map<String, String> properties) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(properties)
        .selectors(selectClass(testClass))
        .execute();
  }

  static EngineExecutionResults run(Class<?> testClass) {
    return run(testClass, Map.of());
  }

  /** The failure of the only failed test. */
  static Throwable failure(EngineExecutionResults results) {
    List<Event> failed = results.testEvents().failed().list();
    assertThat(failed).hasSize(1);
    return failed.get(0).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }

  /** Replaces ids, durations and thread names that change from run to run. */
  static String normalized(String message) {
    return message
        .replaceAll("\\b[0-9a-f]{32}\\b", "<trace-id>")
        .replaceAll("\\b[0-9a-f]{16}\\b", "<span-id>")
        .replaceAll("\\d+\\.\\d ms", "<duration>")
        .replace("\"" + Thread.currentThread().getName() + "\"", "\"<test-thread>\"");
  }

  // --- orphaned root ------------------------------------------------------------------------

  @TraceCheck
  static class TaskWithoutContext {
    @Test
    void checkout(Tracer tracer) throws Exception {
      ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker-1"));
      Span checkout = tracer.spanBuilder("POST /checkout").setSpanKind(SpanKind.SERVER).startSpan();
      try (Scope ignored = checkout.makeCurrent()) {
        pool.submit(() -> tracer.spanBuilder("process order").startSpan().end()).get();
      } finally {
        checkout.end();
        pool.shutdown();
      }
    }
  }

  @Test
  void orphanedRootFailsTheTestWithBothTreesDrawn() {
    Throwable failure = failure(run(TaskWithoutContext.class));

    assertThat(failure).isInstanceOf(TraceCheckGateError.class);
    assertThat(normalized(failure.getMessage()))
        .isEqualTo(
            "tracecheck found 1 problem in the traces of this test:\n"
                + "\n"
                + "1. [orphaned-root] span \"process order\" (TaskWithoutContext) started a new trace on thread"
                + " \"worker-1\" while span \"POST /checkout\" (TaskWithoutContext) in trace <trace-id> was open on"
                + " thread \"<test-thread>\"\n"
                + "  likely cause: the task ran without the submitter's context: wrap the executor with"
                + " Context.taskWrapping(executor) or the task with Context.current().wrap(task)\n"
                + "  trace <trace-id> (1 span)\n"
                + "  >> process order [INTERNAL] TaskWithoutContext <duration>\n"
                + "  trace <trace-id> (1 span)\n"
                + "  >> POST /checkout [SERVER] TaskWithoutContext <duration>");
  }

  @TraceCheck
  static class TwoIndependentRequests {
    @Test
    void twoRequests(Tracer tracer) {
      tracer.spanBuilder("GET /orders/1").setSpanKind(SpanKind.SERVER).startSpan().end();
      tracer.spanBuilder("GET /orders/2").setSpanKind(SpanKind.SERVER).startSpan().end();
    }
  }

  @Test
  void independentTracesPassTheGate() {
    run(TwoIndependentRequests.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  // --- never ended, dangling parent, leaked scope -------------------------------------------

  @TraceCheck
  static class ParentNeverEnded {
    @Test
    void loadCart(Tracer tracer) {
      Span parent = tracer.spanBuilder("load cart").startSpan();
      try (Scope ignored = parent.makeCurrent()) {
        tracer.spanBuilder("SELECT cart").setSpanKind(SpanKind.CLIENT).startSpan().end();
      }
    }
  }

  @Test
  void spanNeverEndedAndItsDanglingChildAreReportedAfterTheBoundedWait() {
    Throwable failure = failure(run(ParentNeverEnded.class, Map.of("tracecheck.gate.await", "100ms")));

    assertThat(normalized(failure.getMessage()))
        .isEqualTo(
            "tracecheck found 2 problems in the traces of this test:\n"
                + "\n"
                + "1. [dangling-parent] span \"SELECT cart\" (ParentNeverEnded) has parent \"load cart\" [INTERNAL]"
                + " (<span-id>), which was started on thread \"<test-thread>\" but never ended\n"
                + "  likely cause: end() was not called on the parent span on every path: end spans in a finally"
                + " block\n"
                + "  trace <trace-id> (1 span)\n"
                + "  >> SELECT cart [CLIENT] ParentNeverEnded (parent <span-id> not captured) <duration>\n"
                + "\n"
                + "2. [span-never-ended] span \"load cart\" [INTERNAL] (<span-id>) was started on thread"
                + " \"<test-thread>\" and never ended; its 1 child hangs from a parent that is never exported\n"
                + "  likely cause: end() was not called on every path (end spans in a finally block), or"
                + " asynchronous work outlived the test\n"
                + "  trace <trace-id> (1 span)\n"
                + "  >> SELECT cart [CLIENT] ParentNeverEnded (parent <span-id> not captured) <duration>");
  }

  @TraceCheck(captureStackTraces = "true")
  static class NeverEndedWithStack {
    @Test
    void leak(Tracer tracer) {
      tracer.spanBuilder("forgotten").startSpan();
    }
  }

  @Test
  void stackCaptureSaysWhereTheSpanWasStarted() {
    Throwable failure = failure(run(NeverEndedWithStack.class, Map.of("tracecheck.gate.await", "10ms")));

    assertThat(failure.getMessage())
        .contains("was started on thread \"" + Thread.currentThread().getName() + "\" at "
            + NeverEndedWithStack.class.getName() + ".leak(GateTest.java:");
  }

  @TraceCheck
  static class SpanEndsShortlyAfterTheTest {
    private final CountDownLatch testEnded = new CountDownLatch(1);

    @Test
    void asyncEnd(Tracer tracer) {
      Span span = tracer.spanBuilder("async work").startSpan();
      new Thread(() -> {
        try {
          testEnded.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        span.end();
      }).start();
    }

    @AfterEach
    void testEnds() {
      testEnded.countDown(); // after the test method, just before the gate
    }
  }

  @Test
  void spansInFlightWhenTheTestEndsAreAwaited() {
    // The span ends once the test has ended, as the gate starts: a gate that does not wait reports it
    // never ended. The wait allowed is long, for a loaded machine that runs the ending thread late.
    run(SpanEndsShortlyAfterTheTest.class, Map.of("tracecheck.gate.await", "30s"))
        .testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @TraceCheck
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ScopeNeverClosed {
    @Test
    @Order(1)
    void leak(Tracer tracer) {
      Span span = tracer.spanBuilder("handler").startSpan();
      span.makeCurrent();
      span.end();
    }

    @Test
    @Order(2)
    void nextTestOnTheThreadStartsClean() {
      // the test's own marked root context, not the leaked span's
      assertThat(Span.current().getSpanContext().isValid()).isFalse();
      assertThat(TestContext.testOf(Context.current())).isNotNull();
    }
  }

  @Test
  void leakedScopeIsReportedAndCleanedUp() {
    EngineExecutionResults results = run(ScopeNeverClosed.class);
    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));

    assertThat(normalized(failure(results).getMessage()))
        .isEqualTo(
            "tracecheck found 1 problem in the traces of this test:\n"
                + "\n"
                + "1. [leaked-scope] the test thread \"<test-thread>\" still has a context current after the test:"
                + " span \"handler\" (<span-id>) was made current and its Scope was never closed\n"
                + "  likely cause: a Scope returned by makeCurrent() was not closed: use try-with-resources");
    assertThat(Context.current()).isSameAs(Context.root());
  }

  // --- missing error status -----------------------------------------------------------------

  @TraceCheck
  static class ExceptionWithoutError {
    @Test
    void charge(Tracer tracer) {
      Span span = tracer.spanBuilder("charge card").startSpan();
      span.recordException(new IllegalStateException("card declined"));
      span.end();
    }
  }

  @Test
  void missingErrorStatusFailsTheTest() {
    assertThat(normalized(failure(run(ExceptionWithoutError.class)).getMessage()))
        .isEqualTo(
            "tracecheck found 1 problem in the traces of this test:\n"
                + "\n"
                + "1. [missing-error-status] span \"charge card\" (ExceptionWithoutError) recorded exception"
                + " java.lang.IllegalStateException: \"card declined\", but its status is UNSET\n"
                + "  likely cause: recordException() adds an event but does not set the status: also call"
                + " span.setStatus(StatusCode.ERROR)\n"
                + "  trace <trace-id> (1 span)\n"
                + "  >> charge card [INTERNAL] ExceptionWithoutError <duration>");
  }

  // --- modes and suppressions ---------------------------------------------------------------

  @TraceCheck
  @TraceCheckRule(name = "missing-error-status", mode = GateMode.WARN)
  static class WarnOnly {
    @Test
    void charge(Tracer tracer) {
      Span span = tracer.spanBuilder("charge card").startSpan();
      span.recordException(new IllegalStateException("card declined"));
      span.end();
    }

    @Test
    @TraceCheckRule(name = "missing-error-status", mode = GateMode.FAIL)
    void methodWins(Tracer tracer) {
      charge(tracer);
    }
  }

  @Test
  void warnModeReportsWithoutFailingAndTheMethodAnnotationWins() {
    EngineExecutionResults results = run(WarnOnly.class);

    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
    List<String> reported =
        results.testEvents().reportingEntryPublished().stream()
            .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("tracecheck"))
            .filter(java.util.Objects::nonNull)
            .toList();
    assertThat(reported)
        .singleElement()
        .asString()
        .startsWith("tracecheck warning: 1 problem in the traces of this test (mode warn, the test is not failed):\n\n"
            + "1. [missing-error-status] span \"charge card\"");
  }

  @TraceCheck(gate = "off")
  static class GateOff {
    @Test
    void charge(Tracer tracer) {
      tracer.spanBuilder("forgotten").startSpan();
    }
  }

  @Test
  void gateCanBeTurnedOffForAClassOrByProperty() {
    run(GateOff.class).testEvents().assertStatistics(s -> s.succeeded(1));
    run(ExceptionWithoutError.class, Map.of("tracecheck.gate.off", "missing-error-status"))
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
    run(ExceptionWithoutError.class, Map.of("tracecheck.gate", "warn"))
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
  }

  @TraceCheck
  static class Suppressed {
    @Test
    @SuppressFinding(rule = "missing-error-status", span = "charge *", reason = "declines are expected here")
    void byName(Tracer tracer) {
      Span span = tracer.spanBuilder("charge card").startSpan();
      span.recordException(new IllegalStateException("card declined"));
      span.end();
    }

    @Test
    @SuppressFinding(rule = "missing-error-status", attribute = "payment.provider=sandbox", reason = "sandbox")
    void byAttribute(Tracer tracer) {
      Span span = tracer.spanBuilder("charge card").setAttribute("payment.provider", "sandbox").startSpan();
      span.recordException(new IllegalStateException("card declined"));
      span.end();
    }

    @Test
    @SuppressFinding(rule = "missing-error-status", span = "refund", reason = "only refunds")
    void otherSpanIsNotSuppressed(Tracer tracer) {
      byName(tracer);
    }
  }

  @Test
  void suppressionsNeedTheRuleTheSpanAndAReason() {
    EngineExecutionResults results = run(Suppressed.class);
    results.testEvents().assertStatistics(s -> s.succeeded(2).failed(1));
    assertThat(results.testEvents().reportingEntryPublished().stream()
            .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("tracecheck")))
        .contains(
            "[missing-error-status] suppressed by @SuppressFinding on Suppressed.byName: declines are expected"
                + " here (span \"charge card\")");
  }

  @Test
  void suppressionsFromProperties() {
    run(
            ExceptionWithoutError.class,
            Map.of(
                "tracecheck.suppress.1.rule", "missing-error-status",
                "tracecheck.suppress.1.span", "charge card",
                "tracecheck.suppress.1.reason", "known"))
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
  }

  @TraceCheck
  static class UnknownRule {
    @Test
    @TraceCheckRule(name = "orphan", mode = GateMode.OFF)
    void typo() {}
  }

  @TraceCheck
  static class SuppressionWithoutReason {
    @Test
    @SuppressFinding(rule = "orphaned-root", span = "x", reason = " ")
    void noReason() {}
  }

  // Known rules include no-todo-spans: UserRuleTest registers it for this module's tests with ServiceLoader.
  @Test
  void badGateSettingsAreConfigurationErrors() {
    assertThat(failure(run(UnknownRule.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@TraceCheckRule on UnknownRule.typo: unknown rule 'orphan'; known rules: dangling-parent,"
                + " leaked-scope, log-without-trace-context, missing-error-status, no-todo-spans, orphaned-root, pii,"
                + " span-never-ended, sql-literal");
    assertThat(failure(run(SuppressionWithoutReason.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@SuppressFinding on SuppressionWithoutReason.noReason: a suppression must give a reason");
    assertThat(
            run(TwoIndependentRequests.class, Map.of("tracecheck.gate.warn", "orphaned-root, nope"))
                .containerEvents().failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage()))
        .containsExactly(
            "tracecheck.gate.warn: unknown rule 'nope'; known rules: dangling-parent, leaked-scope,"
                + " log-without-trace-context, missing-error-status, no-todo-spans, orphaned-root, pii, span-never-ended,"
                + " sql-literal");
    assertThat(
            run(TwoIndependentRequests.class, Map.of("tracecheck.gate", "strict"))
                .containerEvents().failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage()))
        .containsExactly("tracecheck.gate: 'strict' is not a gate mode; use fail, warn or off");
  }

  // --- a test that already failed keeps its failure -----------------------------------------

  @TraceCheck
  static class FailsOnItsOwn {
    @Test
    void failing(Tracer tracer) {
      Span span = tracer.spanBuilder("charge card").startSpan();
      span.setStatus(StatusCode.UNSET).recordException(new IllegalStateException("x"));
      span.end();
      throw new AssertionError("the test's own failure");
    }
  }

  @Test
  void aTestThatAlreadyFailedKeepsItsFailureWithTheFindingsAttached() {
    Throwable failure = failure(run(FailsOnItsOwn.class));

    assertThat(failure).hasMessage("the test's own failure");
    assertThat(failure.getSuppressed())
        .singleElement()
        .isInstanceOf(TraceCheckGateError.class)
        .extracting(Throwable::getMessage)
        .asString()
        .startsWith("tracecheck found 1 problem in the traces of this test:\n\n1. [missing-error-status]");
  }

  // --- PII ----------------------------------------------------------------------------------

  @TraceCheck
  static class LeaksAnEmail {
    @Test
    void signup(Tracer tracer) {
      tracer.spanBuilder("POST /signup").setAttribute("user.email", "jane.doe@example.com")
          .setAttribute("customer.id", "CUST-12345678").startSpan().end();
    }

    @Test
    @AllowPii(detector = "email", attribute = "user.*", reason = "synthetic test users")
    void allowed(Tracer tracer) {
      signup(tracer);
    }
  }

  @Test
  void piiFailsTheTestWithTheValueMaskedAndCanBeAllowed() {
    EngineExecutionResults results = run(LeaksAnEmail.class);
    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
    assertThat(normalized(failure(results).getMessage()))
        .isEqualTo(
            "tracecheck found 1 problem in the traces of this test:\n"
                + "\n"
                + "1. [pii] span \"POST /signup\" (LeaksAnEmail) has an email address [email] in attribute"
                + " \"user.email\": j***@e***.com\n"
                + "  likely cause: the instrumentation records user data: drop or hash the attribute, or redact it"
                + " before export (e.g. in the Collector)\n"
                + "  trace <trace-id> (1 span)\n"
                + "  >> POST /signup [INTERNAL] LeaksAnEmail <duration>");
  }

  @Test
  void customDetectorsFromPropertiesAndBadPiiSettings() {
    EngineExecutionResults withCustom =
        run(
            LeaksAnEmail.class,
            Map.of(
                "tracecheck.pii.custom.1.name", "customer-id",
                "tracecheck.pii.custom.1.pattern", "CUST-\\d{8}",
                "tracecheck.pii.custom.1.description", "a customer id"));
    // The allowance covers the email only: both tests now fail on the customer id.
    withCustom.testEvents().assertStatistics(s -> s.failed(2));
    Throwable failure =
        withCustom.testEvents().failed().list().get(0).getRequiredPayload(TestExecutionResult.class)
            .getThrowable().orElseThrow();
    assertThat(failure.getMessage())
        .contains("has a customer id [customer-id] in attribute \"customer.id\": CU***")
        .doesNotContain("CUST-12345678");
    assertThat(
            run(LeaksAnEmail.class, Map.of("tracecheck.pii.detectors.disable", "e-mail"))
                .containerEvents().failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage()))
        .containsExactly(
            "tracecheck.pii.detectors.disable: unknown PII detector 'e-mail'; built-in detectors: email, card-number,"
                + " us-ssn, phone, jwt, authorization, url-credentials, aws-access-key, private-key, iban, ip-address");
    assertThat(
            run(LeaksAnEmail.class, Map.of("tracecheck.pii.custom.1.name", "x", "tracecheck.pii.custom.1.pattern", "(a"))
                .containerEvents().failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage()))
        .singleElement().asString()
        .startsWith("tracecheck.pii.custom.1.pattern: detector 'x': invalid regular expression: Unclosed group");
    run(LeaksAnEmail.class, Map.of("tracecheck.pii.detectors.disable", "email"))
        .testEvents().assertStatistics(s -> s.succeeded(2));
  }
}
