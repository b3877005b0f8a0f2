package io.github.tracecheck.collector.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The lint as a gate: a run with a broken deployment fails, a correct one passes, warn reports. */
class CollectorLintExtensionTest {

  private static final String DEPLOYMENT =
      "src/test/resources/deployment/agent.yaml, src/test/resources/deployment/gateway.yaml";

  private static final String BROKEN_DEPLOYMENT =
      "src/test/resources/deployment/agent.yaml, src/test/resources/deployment/gateway-limiter-last.yaml";

  @ExtendWith(CollectorLintExtension.class)
  static class GatedFixture {
    @Test
    void passes() {}
  }

  private static EngineExecutionResults run(Map<String, String> properties) {
    return EngineTestKit.engine("junit-jupiter").configurationParameters(properties)
        .selectors(selectClass(GatedFixture.class)).execute();
  }

  @Test
  void aCorrectDeploymentLetsTheTestsRun() {
    run(Map.of(CollectorLintExtension.CONFIG_PROPERTY_NAME, DEPLOYMENT))
        .testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @Test
  void aBrokenDeploymentFailsTheClassWithTheFindings() {
    EngineExecutionResults results = run(Map.of(CollectorLintExtension.CONFIG_PROPERTY_NAME,
        BROKEN_DEPLOYMENT));

    results.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class),
        message(m -> m.startsWith("tracecheck: the Collector configuration (" + BROKEN_DEPLOYMENT + "): found 1 problem\n"
            + "  [memory-limiter-first] src/test/resources/deployment/gateway-limiter-last.yaml:"
            + " service.pipelines.traces.processors[2]: "))));
    results.testEvents().assertStatistics(s -> s.started(0));
  }

  @Test
  void warnReportsWithoutFailing() {
    EngineExecutionResults results = run(Map.of(
        CollectorLintExtension.CONFIG_PROPERTY_NAME, BROKEN_DEPLOYMENT,
        CollectorLintExtension.MODE_PROPERTY_NAME, "warn"));

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
    run(Map.of(CollectorLintExtension.CONFIG_PROPERTY_NAME, "no/such/file.yaml")).containerEvents().assertThatEvents()
        .haveExactly(1, finishedWithFailure(instanceOf(IllegalStateException.class),
            message(m -> m.startsWith("tracecheck.collector.config=no/such/file.yaml: no/such/file.yaml: cannot read the file"))));
    run(Map.of(CollectorLintExtension.CONFIG_PROPERTY_NAME, DEPLOYMENT, CollectorLintExtension.MODE_PROPERTY_NAME, "strict"))
        .containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
            message("tracecheck.collector.lint must be fail, warn or off, but is \"strict\"")));
  }
}
