package io.github.tracecheck.junit;

import static io.github.tracecheck.junit.GateTest.failure;
import static io.github.tracecheck.junit.GateTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.Rule;
import io.github.tracecheck.rules.RuleInfo;
import io.github.tracecheck.rules.RuleMode;
import io.github.tracecheck.rules.RuleOptions;
import io.opentelemetry.api.trace.Tracer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A rule written by a user joins the gate: settings, suppressions and reports work for it as for built-ins. */
class UserRuleTest {

  /** A user's rule flagging spans by name, as a team might write one. */
  abstract static class SpanNameRule implements Rule {
    private final RuleInfo info;
    private final Predicate<String> flagged;
    private final String cause;

    SpanNameRule(RuleInfo info, Predicate<String> flagged, String cause) {
      this.info = info;
      this.flagged = flagged;
      this.cause = cause;
    }

    @Override
    public RuleInfo info() {
      return info;
    }

    @Override
    public List<Finding> check(TraceForest forest, RuleOptions options) {
      List<Finding> findings = new ArrayList<>();
      for (SpanNode span : forest.spans()) {
        if (flagged.test(span.name())) {
          findings.add(Finding.about(info.name(), span, List.of(), "span \"" + span.name() + "\" " + info.summary(), cause));
        }
      }
      return findings;
    }
  }

  /** Spans named {@code debug*} must not be shipped. */
  public static final class NoDebugSpans extends SpanNameRule {
    public NoDebugSpans() {
      super(RuleInfo.of("no-debug-spans", "is a debug span", RuleMode.FAIL), name -> name.startsWith("debug"),
          "remove the debugging span before merging");
    }
  }

  /** Registered in META-INF/services of this module's tests; its default mode is warn. */
  public static final class NoTodoSpans extends SpanNameRule {
    public NoTodoSpans() {
      super(RuleInfo.of("no-todo-spans", "was left in", RuleMode.WARN), "TODO"::equals, "name the span");
    }
  }

  @TraceCheck(rules = NoDebugSpans.class)
  static class MakesADebugSpan {
    @Test
    void checkout(Tracer tracer) {
      tracer.spanBuilder("debug checkout").startSpan().end();
    }
  }

  @TraceCheck
  static class MakesADebugSpanWithoutTheRule {
    @Test
    void checkout(Tracer tracer) {
      tracer.spanBuilder("debug checkout").startSpan().end();
    }
  }

  @TraceCheck(rules = NoDebugSpans.class)
  @TraceCheckRule(name = "no-debug-spans", mode = GateMode.WARN)
  static class DebugSpanOnlyWarned {
    @Test
    void checkout(Tracer tracer) {
      tracer.spanBuilder("debug checkout").startSpan().end();
    }
  }

  @TraceCheck(rules = NoDebugSpans.class)
  static class DebugSpanSuppressed {
    @Test
    @SuppressFinding(rule = "no-debug-spans", span = "debug *", reason = "kept while the migration runs")
    void checkout(Tracer tracer) {
      tracer.spanBuilder("debug checkout").startSpan().end();
    }
  }

  @TraceCheck
  static class MakesATodoSpan {
    @Test
    void checkout(Tracer tracer) {
      tracer.spanBuilder("TODO").startSpan().end();
    }
  }

  @Test
  void aRuleListedInTheAnnotationFailsTheTestLikeABuiltInRule() {
    Throwable failure = failure(run(MakesADebugSpan.class));

    assertThat(failure).isInstanceOf(TraceCheckGateError.class);
    assertThat(failure.getMessage())
        .startsWith("tracecheck found 1 problem in the traces of this test:")
        .contains("1. [no-debug-spans] span \"debug checkout\" is a debug span")
        .contains("likely cause: remove the debugging span before merging")
        .contains(">> debug checkout");
  }

  @Test
  void aRuleNamedInThePropertiesRunsToo() {
    Throwable failure =
        failure(run(MakesADebugSpanWithoutTheRule.class, Map.of(TraceCheck.RULES_PROPERTY_NAME, NoDebugSpans.class.getName())));

    assertThat(failure.getMessage()).contains("[no-debug-spans]");
  }

  @Test
  void withoutTheRuleTheSameCodePasses() {
    run(MakesADebugSpanWithoutTheRule.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @Test
  void theRuleCanBeSetToWarnOrOff() {
    EngineExecutionResults warned = run(DebugSpanOnlyWarned.class);
    warned.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    assertThat(reportEntries(warned)).anySatisfy(entry -> assertThat(entry).contains("[no-debug-spans]"));

    run(MakesADebugSpan.class, Map.of(TraceCheck.GATE_OFF_PROPERTY_NAME, "no-debug-spans"))
        .testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @Test
  void theRuleCanBeSuppressedWithAReason() {
    EngineExecutionResults results = run(DebugSpanSuppressed.class);

    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    assertThat(reportEntries(results))
        .anySatisfy(entry -> assertThat(entry).contains("no-debug-spans").contains("kept while the migration runs"));
  }

  @Test
  void aRuleRegisteredWithServiceLoaderRunsInItsDefaultMode() {
    EngineExecutionResults results = run(MakesATodoSpan.class);

    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    assertThat(reportEntries(results))
        .anySatisfy(entry -> assertThat(entry).contains("[no-todo-spans] span \"TODO\" was left in"));
    Throwable failure = failure(run(MakesATodoSpan.class, Map.of(TraceCheck.GATE_FAIL_PROPERTY_NAME, "no-todo-spans")));
    assertThat(failure.getMessage()).contains("[no-todo-spans]");
  }

  @Test
  void anUnknownRuleNameInTheSettingsNamesTheUsersRulesToo() {
    EngineExecutionResults results =
        run(MakesADebugSpan.class, Map.of(TraceCheck.GATE_WARN_PROPERTY_NAME, "no-debug-span"));

    Throwable failure =
        results.containerEvents().failed().list().get(0).getRequiredPayload(TestExecutionResult.class)
            .getThrowable().orElseThrow();
    assertThat(failure.getMessage())
        .startsWith("tracecheck.gate.warn: unknown rule 'no-debug-span'; known rules: ")
        .contains("no-debug-spans", "no-todo-spans", "orphaned-root", "leaked-scope");
  }

  @Test
  void aRuleClassThatCannotBeLoadedIsAConfigurationError() {
    EngineExecutionResults results =
        run(MakesADebugSpanWithoutTheRule.class, Map.of(TraceCheck.RULES_PROPERTY_NAME, "com.example.Missing"));

    Throwable failure =
        results.containerEvents().failed().list().get(0).getRequiredPayload(TestExecutionResult.class)
            .getThrowable().orElseThrow();
    assertThat(failure.getMessage()).startsWith("tracecheck.rules: cannot load rule class 'com.example.Missing'");
  }

  @Test
  void theUsersRuleAppearsInTheReports(@TempDir Path dir) throws Exception {
    run(MakesADebugSpan.class, Map.of(TraceCheck.REPORT_DIR_PROPERTY_NAME, dir.toString()))
        .testEvents().assertStatistics(s -> s.failed(1));

    List<Path> html;
    try (Stream<Path> files = Files.walk(dir)) {
      html = files.filter(p -> p.getFileName().toString().equals("trace.html")).toList();
    }
    assertThat(html).hasSize(1);
    assertThat(Files.readString(html.get(0), StandardCharsets.UTF_8))
        .contains("no-debug-spans")
        .contains("is a debug span");
  }

  private static List<String> reportEntries(EngineExecutionResults results) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().values())
        .flatMap(values -> values.stream())
        .toList();
  }
}
