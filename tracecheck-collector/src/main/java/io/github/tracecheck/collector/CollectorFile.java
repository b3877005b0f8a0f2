package io.github.tracecheck.collector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Collector configuration of a deployment, read for the lint: its name (file), its root, and
 * the questions the checks ask of it (which pipelines carry traces, what type a component id has).
 */
final class CollectorFile {

  private final String name;
  private final Map<String, Object> root;
  private final ConfigNode node;

  CollectorFile(String name, Map<String, Object> root) {
    this.name = name;
    this.root = root;
    this.node = new ConfigNode("", root);
  }

  String name() {
    return name;
  }

  Map<String, Object> root() {
    return root;
  }

  ConfigNode node() {
    return node;
  }

  /** The traces pipelines: {@code traces} and {@code traces/<name>}. */
  List<ConfigNode> tracesPipelines() {
    List<ConfigNode> pipelines = new ArrayList<>();
    for (Map.Entry<String, ConfigNode> entry : node.get("service").get("pipelines").entries().entrySet()) {
      if (entry.getKey().equals("traces") || entry.getKey().startsWith("traces/")) {
        pipelines.add(entry.getValue());
      }
    }
    return pipelines;
  }

  /** The pipeline's id, the last part of its path. */
  static String pipelineId(ConfigNode pipeline) {
    return pipeline.path().substring("service.pipelines.".length());
  }

  /** The type of a component id: {@code tail_sampling/gateway} is a {@code tail_sampling}. */
  static String type(String componentId) {
    int slash = componentId.indexOf('/');
    return slash < 0 ? componentId : componentId.substring(0, slash);
  }

  /** The processor ids of the pipeline with the given type. */
  static List<ConfigNode> componentsOfType(ConfigNode pipeline, String list, String type) {
    List<ConfigNode> found = new ArrayList<>();
    for (ConfigNode id : pipeline.get(list).elements()) {
      if (type(id.string()).equals(type)) {
        found.add(id);
      }
    }
    return found;
  }

  boolean hasTailSampling() {
    return tracesPipelines().stream().anyMatch(p -> !componentsOfType(p, "processors", "tail_sampling").isEmpty());
  }
}
