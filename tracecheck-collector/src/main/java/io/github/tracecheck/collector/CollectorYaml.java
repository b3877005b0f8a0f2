package io.github.tracecheck.collector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a Collector configuration file as the Collector does: a YAML mapping, duplicate keys
 * refused (the Collector's YAML parser refuses them; SnakeYAML would keep the last one), only plain
 * data (no Java types), with SnakeYAML's limits on nesting and aliases.
 */
final class CollectorYaml {

  private CollectorYaml() {}

  static Map<String, Object> read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CollectorConfigException(file + ": cannot read the file: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object loaded;
    try {
      loaded = new Yaml(new SafeConstructor(options)).load(yaml);
    } catch (YAMLException e) {
      throw new CollectorConfigException("the Collector configuration is not valid YAML: " + e.getMessage(), e);
    }
    if (!(loaded instanceof Map)) {
      throw new CollectorConfigException("the Collector configuration is not a YAML mapping");
    }
    return (Map<String, Object>) loaded;
  }
}
