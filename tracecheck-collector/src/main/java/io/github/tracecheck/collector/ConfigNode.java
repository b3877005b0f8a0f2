package io.github.tracecheck.collector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value of the Collector's YAML with its path ({@code processors.tail_sampling.policies[2].latency}),
 * so that every setting read through it fails, when it is missing or of the wrong type, with a
 * message that says where.
 */
final class ConfigNode {

  private final String path;
  private final Object value;

  ConfigNode(String path, Object value) {
    this.path = path;
    this.value = value;
  }

  String path() {
    return path;
  }

  Object value() {
    return value;
  }

  boolean isPresent() {
    return value != null;
  }

  boolean isMap() {
    return value instanceof Map;
  }

  /** The child at {@code key}; absent (not an error) when this is a mapping without it. */
  ConfigNode get(String key) {
    return new ConfigNode(path.isEmpty() ? key : path + "." + key, asMap().get(key));
  }

  /** The entries of this mapping, in the file's order. */
  Map<String, ConfigNode> entries() {
    Map<String, ConfigNode> entries = new LinkedHashMap<>();
    asMap().forEach((key, child) -> entries.put(String.valueOf(key), get(String.valueOf(key))));
    return entries;
  }

  /** The elements of this list; an absent value is an empty list. */
  List<ConfigNode> elements() {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List)) {
      throw error("must be a list");
    }
    List<ConfigNode> elements = new ArrayList<>();
    List<?> list = (List<?>) value;
    for (int i = 0; i < list.size(); i++) {
      elements.add(new ConfigNode(path + "[" + i + "]", list.get(i)));
    }
    return elements;
  }

  /** The strings of this list; an absent value is an empty list. */
  List<String> strings() {
    List<String> strings = new ArrayList<>();
    for (ConfigNode element : elements()) {
      strings.add(element.string());
    }
    return strings;
  }

  String string() {
    if (value instanceof Map || value instanceof Collection || value == null) {
      throw error(value == null ? "is missing" : "must be a single value");
    }
    return String.valueOf(value);
  }

  Optional<String> optionalString() {
    return value == null ? Optional.empty() : Optional.of(string());
  }

  /** A whole number, or {@code fallback} when absent. */
  long longValue(long fallback) {
    if (value == null) {
      return fallback;
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    throw error("must be a whole number, but is " + describe());
  }

  /** A number, or {@code fallback} when absent. */
  double doubleValue(double fallback) {
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number) {
      return ((Number) value).doubleValue();
    }
    throw error("must be a number, but is " + describe());
  }

  boolean booleanValue(boolean fallback) {
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean) {
      return (Boolean) value;
    }
    throw error("must be true or false, but is " + describe());
  }

  /** Fails on a key this mapping should not have: tracecheck does not skip what it does not know. */
  ConfigNode onlyKeys(Collection<String> known) {
    for (Object key : asMap().keySet()) {
      if (!known.contains(String.valueOf(key))) {
        throw new CollectorConfigException(
            get(String.valueOf(key)).path + ": setting is not supported by tracecheck (known here: "
                + String.join(", ", known) + ")");
      }
    }
    return this;
  }

  CollectorConfigException error(String problem) {
    return new CollectorConfigException(path + ": " + problem);
  }

  private Map<?, ?> asMap() {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map)) {
      throw error("must be a mapping, but is " + describe());
    }
    return (Map<?, ?>) value;
  }

  private String describe() {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }
}
