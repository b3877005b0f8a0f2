package io.github.tracecheck.junit;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.internal.Glob;
import io.opentelemetry.api.common.AttributeKey;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** One validated suppression: a rule, a span match and a reason. */
final class Suppression {

  private final String rule;
  private final Pattern spanName;
  private final String attributeKey;
  private final String attributeValue;
  private final String reason;
  private final String source;

  private Suppression(
      String rule, Pattern spanName, String attributeKey, String attributeValue, String reason, String source) {
    this.rule = rule;
    this.spanName = spanName;
    this.attributeKey = attributeKey;
    this.attributeValue = attributeValue;
    this.reason = reason;
    this.source = source;
  }

  /**
   * Validates and builds a suppression.
   *
   * @param source where it was declared, for error messages, e.g. "@SuppressFinding on CheckoutIT"
   * @param knownRules the names of the rules the run knows
   */
  static Suppression of(
      String rule, String span, String attribute, String reason, String source, Set<String> knownRules) {
    if (!knownRules.contains(rule)) {
      throw new ExtensionConfigurationException(
          source + ": unknown rule '" + rule + "'; known rules: " + GateSettings.sortedRuleNames(knownRules));
    }
    if (span.isBlank() && attribute.isBlank()) {
      throw new ExtensionConfigurationException(
          source + ": a suppression must name the span (span name and/or attribute key=value)");
    }
    if (reason == null || reason.isBlank()) {
      throw new ExtensionConfigurationException(source + ": a suppression must give a reason");
    }
    String key = null;
    String value = null;
    if (!attribute.isBlank()) {
      int equals = attribute.indexOf('=');
      if (equals <= 0) {
        throw new ExtensionConfigurationException(
            source + ": attribute '" + attribute + "' is not a key=value pair");
      }
      key = attribute.substring(0, equals).strip();
      value = attribute.substring(equals + 1).strip();
    }
    Pattern name = span.isBlank() ? null : Glob.compile(span.strip());
    return new Suppression(rule, name, key, value, reason.strip(), source);
  }

  boolean matches(Finding finding) {
    if (!finding.rule().equals(rule)) {
      return false;
    }
    if (spanName != null && !spanName.matcher(finding.spanName()).matches()) {
      return false;
    }
    if (attributeKey != null) {
      SpanNode span = finding.span().orElse(null);
      if (span == null) {
        return false;
      }
      Object value = null;
      for (Map.Entry<AttributeKey<?>, Object> entry : span.data().getAttributes().asMap().entrySet()) {
        if (entry.getKey().getKey().equals(attributeKey)) {
          value = entry.getValue();
        }
      }
      return value != null && String.valueOf(value).equals(attributeValue);
    }
    return true;
  }

  String describe() {
    return "[" + rule + "] suppressed by " + source + ": " + reason;
  }
}
