package io.github.tracecheck.collector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Collector's {@code transform} processor, for traces: {@code trace_statements} in the grouped
 * form ({@code context}, {@code statements}, optional {@code conditions}) or as plain statement
 * strings, applied in order. Statements are parsed when the configuration is loaded, so an
 * unsupported one fails at once.
 */
final class TransformProcessor implements Processor {

  private static final Set<String> KEYS = Set.of("error_mode", "trace_statements", "metric_statements", "log_statements");

  private final String id;
  private final List<OttlStatement> statements = new ArrayList<>();

  @SuppressWarnings("unchecked")
  TransformProcessor(String id, Map<String, Object> config) {
    this.id = id;
    for (String key : config.keySet()) {
      if (!KEYS.contains(key)) {
        throw new CollectorConfigException("processor " + id + ": setting '" + key + "' is not supported");
      }
    }
    Object groups = config.getOrDefault("trace_statements", List.of());
    if (!(groups instanceof List)) {
      throw new CollectorConfigException("processor " + id + ": trace_statements must be a list");
    }
    int index = 0;
    for (Object group : (List<Object>) groups) {
      String where = "processor " + id + ", trace_statements[" + index++ + "]";
      if (group instanceof String) {
        String text = (String) group;
        statements.add(OttlStatement.parse(text, inferContext(text), where));
      } else if (group instanceof Map) {
        Map<String, Object> map = (Map<String, Object>) group;
        String context = String.valueOf(map.getOrDefault("context", "span"));
        if (map.containsKey("conditions")) {
          throw new CollectorConfigException(where + ": group 'conditions' are not supported; put a where clause on each statement");
        }
        Object list = map.get("statements");
        if (!(list instanceof List)) {
          throw new CollectorConfigException(where + ": statements must be a list");
        }
        for (Object statement : (List<Object>) list) {
          statements.add(OttlStatement.parse(String.valueOf(statement), context, where));
        }
      } else {
        throw new CollectorConfigException(where + ": expected a statement or a group with context and statements");
      }
    }
  }

  /** Plain statements name their context in the path: span.attributes, resource.attributes, ... */
  private static String inferContext(String statement) {
    for (String context : List.of("spanevent", "resource", "span")) {
      if (statement.contains("(" + context + ".")) {
        return context.equals("resource") && statement.contains("(resource.attributes") ? "resource" : context;
      }
    }
    return "span";
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void apply(SpanRecord span) {
    OttlStatement.applyAll(statements, span);
  }
}
