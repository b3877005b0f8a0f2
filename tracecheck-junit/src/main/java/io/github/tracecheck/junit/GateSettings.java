package io.github.tracecheck.junit;

import io.github.tracecheck.rules.Rules;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What the gate does for one test: the mode of each rule and the suppressions. Later sources win:
 * defaults, then {@code junit-platform.properties}, then {@link TraceCheck#gate()}, then {@link
 * TraceCheckRule} on the class, then on the method. Names are validated: an unknown rule is a
 * configuration error, never ignored.
 */
final class GateSettings {

  static final String GATE = "tracecheck.gate";
  static final String SUPPRESS = "tracecheck.suppress.";

  private final Map<String, GateMode> modes;
  private final List<Suppression> suppressions;

  private GateSettings(Map<String, GateMode> modes, List<Suppression> suppressions) {
    this.modes = modes;
    this.suppressions = suppressions;
  }

  /** The settings from properties and the class annotation only. */
  static GateSettings read(TraceCheck annotation, PropertySource properties) {
    Map<String, GateMode> modes = new HashMap<>();
    GateMode all = properties.get(GATE).map(v -> parseMode(GATE, v)).orElse(GateMode.FAIL);
    if (annotation != null && !annotation.gate().isEmpty()) {
      all = parseMode("@TraceCheck(gate)", annotation.gate());
    }
    for (String rule : Rules.knownNames()) {
      modes.put(rule, all);
    }
    for (GateMode mode : GateMode.values()) {
      String key = GATE + "." + mode.name().toLowerCase(Locale.ROOT);
      for (String rule : properties.list(key)) {
        modes.put(checkRuleName(key, rule), mode);
      }
    }
    List<Suppression> suppressions = new ArrayList<>();
    for (PropertySource.Group group : properties.groups(SUPPRESS, "rule", "span", "attribute", "reason")) {
      suppressions.add(
          Suppression.of(
              group.get("rule").orElse("").strip(),
              group.get("span").orElse(""),
              group.get("attribute").orElse(""),
              group.get("reason").orElse(""),
              group.source()));
    }
    return new GateSettings(modes, suppressions);
  }

  /** These settings with the annotations of a test class (or nested class) or method applied. */
  GateSettings with(AnnotatedElement element, String description) {
    Map<String, GateMode> newModes = new HashMap<>(modes);
    for (TraceCheckRule rule : AnnotationSupport.findRepeatableAnnotations(element, TraceCheckRule.class)) {
      String source = "@TraceCheckRule on " + description;
      if (rule.name().equals("*")) {
        newModes.replaceAll((name, mode) -> rule.mode());
      } else {
        newModes.put(checkRuleName(source, rule.name()), rule.mode());
      }
    }
    List<Suppression> newSuppressions = new ArrayList<>(suppressions);
    for (SuppressFinding s : AnnotationSupport.findRepeatableAnnotations(element, SuppressFinding.class)) {
      newSuppressions.add(
          Suppression.of(s.rule(), s.span(), s.attribute(), s.reason(), "@SuppressFinding on " + description));
    }
    return new GateSettings(newModes, newSuppressions);
  }

  GateMode mode(String rule) {
    return modes.get(rule);
  }

  boolean allOff() {
    return modes.values().stream().allMatch(m -> m == GateMode.OFF);
  }

  List<Suppression> suppressions() {
    return suppressions;
  }

  static String sortedRuleNames() {
    return String.join(", ", new TreeSet<>(Rules.knownNames()));
  }

  private static String checkRuleName(String source, String rule) {
    if (!Rules.knownNames().contains(rule)) {
      throw new ExtensionConfigurationException(
          source + ": unknown rule '" + rule + "'; known rules: " + sortedRuleNames());
    }
    return rule;
  }

  private static GateMode parseMode(String source, String value) {
    try {
      return GateMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          source + ": '" + value + "' is not a gate mode; use fail, warn or off", e);
    }
  }
}
