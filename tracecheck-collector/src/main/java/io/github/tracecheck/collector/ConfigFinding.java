package io.github.tracecheck.collector;

/**
 * A trap found in a Collector configuration by {@link CollectorConfigLint}.
 *
 * @param check the check's name, e.g. {@code memory-limiter-first}
 * @param file the file (or name) the configuration came from
 * @param path the YAML path of the setting at fault, e.g. {@code service.pipelines.traces.processors[0]}
 * @param message what is wrong and what it causes, in one or two sentences (values masked)
 */
public record ConfigFinding(String check, String file, String path, String message) {

  @Override
  public String toString() {
    return "[" + check + "] " + file + ": " + path + ": " + message;
  }
}
