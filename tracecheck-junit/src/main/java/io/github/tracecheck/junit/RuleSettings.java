package io.github.tracecheck.junit;

import io.github.tracecheck.rules.Rule;
import io.github.tracecheck.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Which rules the gate knows for a test class: the built-in ones, the ones registered with {@link
 * java.util.ServiceLoader}, those named in {@value TraceCheck#RULES_PROPERTY_NAME} and those listed in
 * {@link TraceCheck#rules()}.
 */
final class RuleSettings {

  private RuleSettings() {}

  static RuleSet read(TraceCheck annotation, PropertySource properties, ClassLoader classLoader) {
    List<Rule> rules = new ArrayList<>();
    for (String className : properties.list(TraceCheck.RULES_PROPERTY_NAME)) {
      Class<?> type;
      try {
        type = Class.forName(className, true, classLoader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new ExtensionConfigurationException(
            TraceCheck.RULES_PROPERTY_NAME + ": cannot load rule class '" + className + "': " + e, e);
      }
      if (!Rule.class.isAssignableFrom(type)) {
        throw new ExtensionConfigurationException(
            TraceCheck.RULES_PROPERTY_NAME + ": " + className + " does not implement " + Rule.class.getName());
      }
      rules.add(instantiate(type.asSubclass(Rule.class), TraceCheck.RULES_PROPERTY_NAME));
    }
    if (annotation != null) {
      for (Class<? extends Rule> type : annotation.rules()) {
        rules.add(instantiate(type, "@TraceCheck(rules)"));
      }
    }
    try {
      return RuleSet.builtIn().withDiscovered(classLoader).with(rules);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("tracecheck rules: " + e.getMessage(), e);
    }
  }

  private static Rule instantiate(Class<? extends Rule> type, String source) {
    try {
      var constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ExtensionConfigurationException(
          source + ": cannot create rule " + type.getName() + " with a no-argument constructor: " + e, e);
    }
  }
}
