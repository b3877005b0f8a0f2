package io.github.tracecheck.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.junit.process.ChildJvm;
import io.github.tracecheck.junit.process.RunTestClass;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code @TraceCheck} in a test JVM that runs the OpenTelemetry Java agent: configured as the README
 * says, the agent's spans are captured with the test's; left at its defaults, the class fails
 * saying what to configure, instead of passing with none of the agent's spans.
 */
class JavaAgentInTestJvmTest {

  private static List<String> run(List<String> agentOptions) throws Exception {
    List<String> options = new ArrayList<>();
    options.add("-javaagent:" + JavaAgentProcessTest.agentJar());
    options.addAll(agentOptions);
    try (ServiceProcess jvm = ChildJvm.start(RunTestClass.class, Map.of(), options, AgentInTheTestJvm.class.getName())) {
      jvm.awaitLine(RunTestClass.DONE, java.time.Duration.ofSeconds(120));
      return jvm.output().lines().filter(line -> line.startsWith(RunTestClass.RESULT)).toList();
    }
  }

  @Test
  void anAgentConfiguredAsDocumentedHasItsSpansCaptured() throws Exception {
    List<String> results = runOnAFreePort(List.of(
        "-Dotel.bsp.schedule.delay=50", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none"));

    assertThat(results).contains("RESULT theAgentsSpansJoinTheTestsTrace(OpenTelemetry, CapturedTraces): SUCCESSFUL: ");
  }

  /**
   * Runs with the agent exporting to a port free when chosen. The child JVM binds it seconds later,
   * when another socket may have taken it: then the run is repeated on another port, a few times.
   */
  private static List<String> runOnAFreePort(List<String> agentOptions) throws Exception {
    for (int attempt = 1; ; attempt++) {
      int port;
      try (ServerSocket probe = new ServerSocket(0)) {
        port = probe.getLocalPort();
      }
      List<String> options = new ArrayList<>(agentOptions);
      options.add("-Dotel.exporter.otlp.endpoint=http://127.0.0.1:" + port);
      List<String> results = run(options);
      String taken = "port " + port + " is already in use";
      if (attempt == 5 || results.stream().noneMatch(line -> line.contains(taken))) {
        return results;
      }
    }
  }

  @Test
  void anAgentLeftAtItsDefaultsFailsTheClassSayingWhatToConfigure() throws Exception {
    List<String> results = run(List.of("-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none"));

    assertThat(results).anySatisfy(line -> assertThat(line).startsWith("RESULT AgentInTheTestJvm: FAILED: "
        + "tracecheck: the OpenTelemetry Java agent runs in this JVM, but its spans cannot reach the test: it holds spans"
        + " for otel.bsp.schedule.delay=5000 ms before exporting")
        .contains("-Dotel.exporter.otlp.endpoint=http://127.0.0.1:4318 -Dotel.bsp.schedule.delay=50"));
  }
}
