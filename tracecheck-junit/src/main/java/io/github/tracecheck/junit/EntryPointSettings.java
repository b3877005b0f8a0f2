package io.github.tracecheck.junit;

import io.github.tracecheck.rules.EntryPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The entry points a run declares: numbered property groups ({@code tracecheck.entry-point.1.span},
 * {@code .reason}) and the class's {@link TraceCheck#entryPoints()}, both kept. A declaration without
 * a span or a reason is a configuration error naming where it was written.
 */
final class EntryPointSettings {

  static final String PREFIX = TraceCheck.ENTRY_POINT_PROPERTY_PREFIX;

  private EntryPointSettings() {}

  static List<EntryPoint> read(TraceCheck annotation, PropertySource properties) {
    List<EntryPoint> declared = new ArrayList<>();
    for (PropertySource.Group group : properties.groups(PREFIX, "span", "reason")) {
      declared.add(of(group.get("span").orElse(""), group.get("reason").orElse(""), group.source()));
    }
    if (annotation != null) {
      for (EntryPointSpan span : annotation.entryPoints()) {
        declared.add(of(span.span(), span.reason(), "@TraceCheck(entryPoints)"));
      }
    }
    return List.copyOf(declared);
  }

  private static EntryPoint of(String span, String reason, String source) {
    try {
      return EntryPoint.of(span, reason);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(source + ": " + e.getMessage(), e);
    }
  }
}
