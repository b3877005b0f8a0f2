package io.github.tracecheck.collector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the traps of a Collector deployment that teams otherwise learn in production, each as a
 * {@link ConfigFinding} with the YAML path at fault:
 *
 * <ul>
 *   <li>{@code memory-limiter-first}: a {@code tail_sampling} pipeline without {@code memory_limiter}
 *       as its first processor;
 *   <li>{@code loadbalancing-by-trace-id}: with a tail-sampling tier in the deployment, an agent
 *       exporting traces without the {@code loadbalancing} exporter routed by {@code traceID};
 *   <li>{@code tail-sampling-memory}: {@code num_traces} too large for the {@code memory_limiter}
 *       (at an assumed trace size), or {@code decision_wait} longer than {@code num_traces} holds;
 *   <li>{@code otlp-json-over-http}: {@code otlphttp} exporting JSON instead of protobuf;
 *   <li>{@code url-tokens-survive}: {@code transform}/{@code redaction} rules letting tokens in {@code
 *       url.query}, {@code http.target} or {@code url.full} through (checked with the PII detectors).
 * </ul>
 *
 * <pre>{@code
 * LintResult result = CollectorConfigLint.defaults().check(Path.of("deploy/agent.yaml"), Path.of("deploy/gateway.yaml"));
 * assertThat(result.findings()).isEmpty();
 * }</pre>
 *
 * Give every file of the deployment at once: the routing check needs the agents and the gateway.
 */
public final class CollectorConfigLint {

  /** The trace size {@code tail-sampling-memory} assumes unless told: 20 spans. */
  public static final int DEFAULT_SPANS_PER_TRACE = 20;

  /** The span size {@code tail-sampling-memory} assumes unless told: 2 KiB in the Collector's memory. */
  public static final long DEFAULT_BYTES_PER_SPAN = 2048;

  private final int spansPerTrace;
  private final long bytesPerSpan;

  private CollectorConfigLint(int spansPerTrace, long bytesPerSpan) {
    this.spansPerTrace = spansPerTrace;
    this.bytesPerSpan = bytesPerSpan;
  }

  public static CollectorConfigLint defaults() {
    return new CollectorConfigLint(DEFAULT_SPANS_PER_TRACE, DEFAULT_BYTES_PER_SPAN);
  }

  /** The trace size the memory check assumes: your traces' typical span count and span size. */
  public CollectorConfigLint withTraceSize(int spansPerTrace, long bytesPerSpan) {
    if (spansPerTrace <= 0 || bytesPerSpan <= 0) {
      throw new IllegalArgumentException("spans per trace and bytes per span must be positive");
    }
    return new CollectorConfigLint(spansPerTrace, bytesPerSpan);
  }

  /** The names of the checks, in the order they run. */
  public List<String> checkNames() {
    return checks().stream().map(ConfigCheck::name).toList();
  }

  /** Checks the files of one deployment (agents and gateways together). */
  public LintResult check(Path... files) {
    List<CollectorFile> deployment = new ArrayList<>();
    for (Path file : files) {
      deployment.add(new CollectorFile(file.toString(), CollectorYaml.read(file)));
    }
    return check(deployment);
  }

  /**
   * Checks configurations given as text, by name (a file name, or "agent" and "gateway").
   *
   * @throws CollectorConfigException if a configuration is not valid YAML
   */
  public LintResult checkYaml(Map<String, String> yamlByName) {
    List<CollectorFile> deployment = new ArrayList<>();
    yamlByName.forEach((name, yaml) -> deployment.add(new CollectorFile(name, CollectorYaml.parse(yaml))));
    return check(deployment);
  }

  private LintResult check(List<CollectorFile> deployment) {
    LintResult.Builder result = new LintResult.Builder();
    for (ConfigCheck check : checks()) {
      try {
        check.check(deployment, result);
      } catch (CollectorConfigException e) {
        // a malformed setting the check needed: said apart, never a finding
        result.notChecked(check.name() + ": " + e.getMessage());
      }
    }
    return result.build();
  }

  private List<ConfigCheck> checks() {
    return List.of(new MemoryLimiterFirstCheck(), new TraceIdRoutingCheck(),
        new TailSamplingMemoryCheck(spansPerTrace, bytesPerSpan), new OtlpJsonExportCheck(),
        new UrlTokenRedactionCheck());
  }
}
