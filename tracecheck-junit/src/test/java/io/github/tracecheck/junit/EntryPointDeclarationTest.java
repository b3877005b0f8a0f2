package io.github.tracecheck.junit;

import static io.github.tracecheck.junit.GateTest.failure;
import static io.github.tracecheck.junit.GateTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Roots the user declares legitimate, by annotation and by property, and declarations that are wrong. */
class EntryPointDeclarationTest {

  /** A root on a pool thread while a request is open: an orphan, unless it is declared. */
  static void refreshWhileARequestIsOpen(Tracer tracer) throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "cache-1"));
    Span request = tracer.spanBuilder("GET /prices").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = request.makeCurrent()) {
      pool.submit(() -> tracer.spanBuilder("refresh prices").setNoParent().startSpan().end()).get();
    } finally {
      request.end();
      pool.shutdown();
    }
  }

  @TraceCheck
  static class Undeclared {
    @Test
    void refresh(Tracer tracer) throws Exception {
      refreshWhileARequestIsOpen(tracer);
    }
  }

  @TraceCheck(entryPoints = @EntryPointSpan(span = "refresh *", reason = "the price cache refreshes on its own"))
  static class DeclaredByAnnotation {
    @Test
    void refresh(Tracer tracer) throws Exception {
      refreshWhileARequestIsOpen(tracer);
    }
  }

  @TraceCheck(entryPoints = @EntryPointSpan(span = "refresh *", reason = " "))
  static class DeclaredWithoutReason {
    @Test
    void refresh(Tracer tracer) throws Exception {
      refreshWhileARequestIsOpen(tracer);
    }
  }

  /** Settings are read when the class starts: a bad one fails the class. */
  private static Throwable classFailure(EngineExecutionResults results) {
    return results.containerEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .findFirst().orElseThrow(() -> new AssertionError("no test class failed"));
  }

  @Test
  void anUndeclaredRootOnAPoolThreadIsAnOrphan() {
    assertThat(failure(run(Undeclared.class)).getMessage())
        .contains("[orphaned-root] span \"refresh prices\"");
  }

  @Test
  void aDeclaredRootIsAnEntryPoint() {
    run(DeclaredByAnnotation.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @Test
  void aRootDeclaredByPropertyIsAnEntryPoint() {
    run(Undeclared.class, Map.of(
            "tracecheck.entry-point.1.span", "refresh prices",
            "tracecheck.entry-point.1.reason", "the price cache refreshes on its own"))
        .testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @Test
  void aDeclarationWithoutAReasonIsAConfigurationErrorNamingWhereItWasWritten() {
    assertThat(classFailure(run(DeclaredWithoutReason.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@TraceCheck(entryPoints): entry point \"refresh *\" must give a reason");
    assertThat(classFailure(run(Undeclared.class, Map.of("tracecheck.entry-point.1.span", "refresh prices"))))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("tracecheck.entry-point.1.*: entry point \"refresh prices\" must give a reason");
  }
}
