package io.github.tracecheck.collector;

import java.util.List;

/**
 * In a deployment with a tail-sampling tier, every agent (a Collector whose traces pipelines do not
 * sample) must export traces through the {@code loadbalancing} exporter routed by {@code traceID}:
 * otherwise the spans of one trace reach different gateways, and each decides on a part of the trace
 * (an error span on one gateway, its slow parent on another).
 */
final class TraceIdRoutingCheck implements ConfigCheck {

  static final String NAME = "loadbalancing-by-trace-id";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void check(List<CollectorFile> deployment, LintResult.Builder result) {
    List<String> tiers = deployment.stream().filter(CollectorFile::hasTailSampling).map(CollectorFile::name).toList();
    if (tiers.isEmpty()) {
      return;
    }
    for (CollectorFile agent : deployment) {
      if (agent.hasTailSampling()) {
        continue;
      }
      for (ConfigNode pipeline : agent.tracesPipelines()) {
        List<ConfigNode> balancers = CollectorFile.componentsOfType(pipeline, "exporters", "loadbalancing");
        if (balancers.isEmpty()) {
          result.add(NAME, agent, pipeline.get("exporters").path(), "pipeline " + CollectorFile.pipelineId(pipeline)
              + " exports traces to the tail-sampling tier (" + String.join(", ", tiers) + ") without the"
              + " loadbalancing exporter: the spans of one trace reach different gateway instances, and each"
              + " decides on part of the trace; export through loadbalancing with routing_key: traceID");
          continue;
        }
        for (ConfigNode id : balancers) {
          ConfigNode routingKey = agent.node().get("exporters").get(id.string()).get("routing_key");
          String key = routingKey.optionalString().orElse("traceID");
          if (!key.equals("traceID")) {
            result.add(NAME, agent, routingKey.path(), "the loadbalancing exporter routes by " + key
                + ", so the spans of one trace can reach different gateway instances of the tail-sampling tier;"
                + " route by traceID");
          }
        }
      }
    }
  }
}
