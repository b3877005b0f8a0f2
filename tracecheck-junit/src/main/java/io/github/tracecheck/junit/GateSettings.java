package io.github.tracecheck.junit;

import io.github.tracecheck.rules.Rule;
import io.github.tracecheck.rules.RuleSet;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What the gate does for one test: the rules, the mode of each and the suppressions. Later sources
 * win: each rule's default mode, then {@code junit-platform.properties}, then {@link
 * TraceCheck#gate()}, then {@link TraceCheckRule} on the class, then on the method. Names are
 * validated against the rules known to the run (built-in and the user's): an unknown rule is a
 * configuration error, never ignored.
 */
final class GateSettings {

  static final String GATE = TraceCheck.GATE_PROPERTY_NAME;
  static final String SUPPRESS = TraceCheck.SUPPRESS_PROPERTY_PREFIX;

  private final RuleSet rules;
  private final Map<String, GateMode> modes;
  private final List<Suppression> suppressions;

  private GateSettings(RuleSet rules, Map<String, GateMode> modes, List<Suppression> suppressions) {
    this.rules = rules;
    this.modes = modes;
    this.suppressions = suppressions;
  }

  /** The settings from properties and the class annotation only. */
  static GateSettings read(TraceCheck annotation, PropertySource properties, RuleSet rules) {
    Map<String, GateMode> modes = new HashMap<>();
    GateMode all = properties.get(GATE).map(v -> parseMode(GATE, v)).orElse(null);
    if (annotation != null && !annotation.gate().isEmpty()) {
      all = parseMode("@TraceCheck(gate)", annotation.gate());
    }
    for (Rule rule : rules.rules()) {
      // A mode set for the whole gate wins over each rule's own default.
      modes.put(rule.name(), all != null ? all : GateMode.valueOf(rule.info().defaultMode().name()));
    }
    for (GateMode mode : GateMode.values()) {
      String key = GATE + "." + mode.name().toLowerCase(Locale.ROOT);
      for (String rule : properties.list(key)) {
        modes.put(checkRuleName(rules, key, rule), mode);
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
              group.source(),
              rules.names()));
    }
    return new GateSettings(rules, modes, suppressions);
  }

  /** These settings with the annotations of a test class (or nested class) or method applied. */
  GateSettings with(AnnotatedElement element, String description) {
    Map<String, GateMode> newModes = new HashMap<>(modes);
    for (TraceCheckRule rule : AnnotationSupport.findRepeatableAnnotations(element, TraceCheckRule.class)) {
      String source = "@TraceCheckRule on " + description;
      if (rule.name().equals("*")) {
        newModes.replaceAll((name, mode) -> rule.mode());
      } else {
        newModes.put(checkRuleName(rules, source, rule.name()), rule.mode());
      }
    }
    List<Suppression> newSuppressions = new ArrayList<>(suppressions);
    for (SuppressFinding s : AnnotationSupport.findRepeatableAnnotations(element, SuppressFinding.class)) {
      newSuppressions.add(
          Suppression.of(
              s.rule(), s.span(), s.attribute(), s.reason(), "@SuppressFinding on " + description, rules.names()));
    }
    return new GateSettings(rules, newModes, newSuppressions);
  }

  GateMode mode(String rule) {
    return modes.get(rule);
  }

  /** The rules that run: every known rule whose mode is not off. */
  List<Rule> activeRules() {
    List<Rule> active = new ArrayList<>();
    for (Rule rule : rules.rules()) {
      if (modes.get(rule.name()) != GateMode.OFF) {
        active.add(rule);
      }
    }
    return active;
  }

  boolean allOff() {
    return modes.values().stream().allMatch(m -> m == GateMode.OFF);
  }

  List<Suppression> suppressions() {
    return suppressions;
  }

  static String sortedRuleNames(Set<String> names) {
    return String.join(", ", new TreeSet<>(names));
  }

  private static String checkRuleName(RuleSet rules, String source, String rule) {
    if (!rules.names().contains(rule)) {
      throw new ExtensionConfigurationException(
          source + ": unknown rule '" + rule + "'; known rules: " + sortedRuleNames(rules.names()));
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
