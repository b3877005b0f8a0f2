package io.github.tracecheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A bound on captured spans, and nothing left behind by a test class. */
class BoundsAndLeaksTest {

  @TraceCheck
  static class TooManySpans {
    @Test
    void floods(Tracer tracer) {
      for (int i = 0; i < 120; i++) {
        tracer.spanBuilder("span " + i).startSpan().end();
      }
    }

    @Test
    void staysUnder(Tracer tracer) {
      tracer.spanBuilder("one").startSpan().end();
    }
  }

  @Test
  void aTestOverTheBoundFailsSayingSo() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameters(Map.of("tracecheck.capture.max-spans", "100"))
            .selectors(selectClass(TooManySpans.class))
            .execute();

    results.testEvents().assertStatistics(s -> s.failed(1).succeeded(1));
    Throwable failure = results.testEvents().failed().list().get(0).getRequiredPayload(TestExecutionResult.class)
        .getThrowable().orElseThrow();
    assertThat(failure)
        .isInstanceOf(TraceCheckGateError.class)
        .hasMessage("tracecheck captured more spans than tracecheck.capture.max-spans=100 allows: 20 ended span(s) and"
            + " 20 span start(s) were not kept, and the checks did not run. Raise the bound if the test really makes"
            + " that many spans.");
  }

  @Test
  void badBoundIsAConfigurationError() {
    Throwable failure =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameters(Map.of("tracecheck.capture.max-spans", "lots"))
            .selectors(selectClass(TooManySpans.class))
            .execute()
            .containerEvents().failed().list().get(0).getRequiredPayload(TestExecutionResult.class)
            .getThrowable().orElseThrow();
    assertThat(failure).hasMessage("tracecheck.capture.max-spans: 'lots' is not a positive whole number");
  }

  private static Set<String> liveThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .collect(Collectors.toSet());
  }

  @Test
  void aTestClassLeavesNoThreadsAndRestoresTheGlobal() {
    GlobalOpenTelemetry.resetForTest();
    Set<String> before = liveThreads();

    EngineTestKit.engine("junit-jupiter").selectors(selectClass(TooManySpans.class)).execute();

    Set<String> after = liveThreads();
    after.removeAll(before);
    after.removeIf(name -> name.startsWith("ForkJoinPool") || name.equals("Common-Cleaner"));
    assertThat(after).as("threads left behind").isEmpty();
    assertThat(GlobalSwap.current() != null).isFalse();
  }
}
