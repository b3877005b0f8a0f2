package io.github.tracecheck.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 1,000 trivial tests through the JUnit Platform launcher: with no extension (the baseline), with
 * opentelemetry-sdk-testing's OpenTelemetryExtension, and with {@code @TraceCheck} and its gate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PerTestOverheadBenchmark {

  @Param({"WithoutExtension", "WithOpenTelemetryExtension", "WithTraceCheck"})
  public String tests;

  private Launcher launcher;
  private LauncherDiscoveryRequest request;

  @Setup
  public void setUp() throws ClassNotFoundException {
    launcher = LauncherFactory.create();
    Class<?> testClass = Class.forName(TrivialTests.class.getName() + "$" + tests);
    request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build();
  }

  @Benchmark
  public long thousandTests() {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    if (listener.getSummary().getTestsSucceededCount() != TrivialTests.COUNT) {
      throw new IllegalStateException(tests + ": " + listener.getSummary().getTestsFailedCount() + " tests failed");
    }
    return listener.getSummary().getTestsSucceededCount();
  }
}
