package io.github.tracecheck.collector.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.Map;
import io.github.tracecheck.junit.TraceCheck;
import io.opentelemetry.api.trace.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The lint in {@code @TraceCheck}'s gate: a run with a broken deployment fails, a correct one passes,
 * warn reports, and the annotation names the files as the property does.
 */
class CollectorLintGateTest {

  private static final String DEPLOYMENT =
      "src/test/resources/deployment/agent.yaml, src/test/resources/deployment/gateway.yaml";

  private static final String BROKEN_DEPLOYMENT =
      "src/test/resources/deployment/agent.yaml, src/test/resources/deployment/gateway-limiter-last.yaml";

  private static final String CONFIG = TraceCheck.COLLECTOR_CONFIG_PROPERTY_NAME;
  private static final String MODE = TraceCheck.COLLECTOR_LINT_PROPERTY_NAME;

  @TraceCheck
  static class GatedFixture {
    @Test
    void passes(Tracer tracer) {
      tracer.spanBuilder("checkout").startSpan().end();
    }
  }

  @TraceCheck(collectorConfig = {"src/test/resources/deployment/agent.yaml", "src/test/resources/deployment/gateway-limiter-last.yaml"})
  static class AnnotatedFixture {
    @Test
    void passes(Tracer tracer) {
      tracer.spanBuilder("checkout").startSpan().end();
    }
  }

  private static EngineExecutionResults run(Map<String, String> properties) {
    return run(GatedFixture.class, properties);
  }

  private static EngineExecutionResults run(Class<?> fixture, Map<String, String> properties) {
    return EngineTestKit.engine("junit-jupiter").configurationParameters(properties)
        .selectors(selectClass(fixture)).execute();
  }

  @Test
  void aCorrectDeploymentLetsTheTestsRun() {
    run(Map.of(CONFIG, DEPLOYMENT))
        .testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @Test
  void aBrokenDeploymentFailsTheClassWithTheFindings() {
    EngineExecutionResults results = run(Map.of(CONFIG,
        BROKEN_DEPLOYMENT));

    results.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class),
        message(m -> m.startsWith("tracecheck: the Collector configuration (" + BROKEN_DEPLOYMENT + "): found 1 problem\n"
            + "  [memory-limiter-first] src/test/resources/deployment/gateway-limiter-last.yaml:"
            + " service.pipelines.traces.processors[2]: "))));
    results.testEvents().assertStatistics(s -> s.started(0));
  }

  @Test
  void theAnnotationNamesTheFilesAndWinsOverTheProperty() {
    run(AnnotatedFixture.class, Map.of(CONFIG, DEPLOYMENT)).containerEvents().assertThatEvents().haveExactly(1,
        finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.startsWith(
            "tracecheck: the Collector configuration (src/test/resources/deployment/agent.yaml,"
                + " src/test/resources/deployment/gateway-limiter-last.yaml): found 1 problem\n"
                + "  [memory-limiter-first] "))));
  }

  @Test
  void warnReportsWithoutFailing() {
    EngineExecutionResults results = run(Map.of(
        CONFIG, BROKEN_DEPLOYMENT,
        MODE, "warn"));

    results.testEvents().assertStatistics(s -> s.succeeded(1));
    assertThat(results.allEvents().reportingEntryPublished().list()).singleElement()
        .satisfies(e -> assertThat(e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow()
            .getKeyValuePairs().get("tracecheck.collector.lint")).contains("found "));
  }

  @Test
  void withoutThePropertyNothingIsChecked() {
    run(Map.of()).testEvents().assertStatistics(s -> s.succeeded(1));
  }

  @Test
  void aMissingFileOrABadModeIsAConfigurationErrorNotAFinding() {
    run(Map.of(CONFIG, "no/such/file.yaml")).containerEvents().assertThatEvents()
        .haveExactly(1, finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
            message(m -> m.startsWith("tracecheck.collector.config=no/such/file.yaml: no/such/file.yaml: cannot read the file"))));
    run(Map.of(CONFIG, DEPLOYMENT, MODE, "strict"))
        .containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
            message("tracecheck.collector.lint must be fail, warn or off, but is \"strict\"")));
  }
}
