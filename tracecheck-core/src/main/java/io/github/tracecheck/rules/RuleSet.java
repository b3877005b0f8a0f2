package io.github.tracecheck.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The rules one run of checks knows: the built-in ones, then the user's (found with {@link
 * ServiceLoader} or given explicitly), each name once. Settings and suppressions are validated
 * against {@link #names()}, so a user's rule can be configured exactly like a built-in one.
 */
public final class RuleSet {

  private final Map<String, Rule> byName;

  private RuleSet(Map<String, Rule> byName) {
    this.byName = byName;
  }

  /** The built-in rules only. */
  public static RuleSet builtIn() {
    return new RuleSet(index(new LinkedHashMap<>(), Rules.builtIn()));
  }

  /**
   * These rules and the ones registered in {@code META-INF/services/io.github.tracecheck.rules.Rule}
   * on the class loader's class path.
   *
   * @throws IllegalArgumentException when a registered rule cannot be loaded or reuses a name
   */
  public RuleSet withDiscovered(ClassLoader classLoader) {
    List<Rule> found = new ArrayList<>();
    try {
      for (Rule rule : ServiceLoader.load(Rule.class, classLoader)) {
        found.add(rule);
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalArgumentException(
          "cannot load a rule listed in META-INF/services/" + Rule.class.getName() + ": " + e.getMessage(), e);
    }
    return with(found);
  }

  /**
   * These rules and the given ones. A rule of a class already in the set is skipped (the same rule
   * registered twice, say by ServiceLoader and by an annotation).
   *
   * @throws IllegalArgumentException when a different rule reuses a name
   */
  public RuleSet with(Collection<? extends Rule> rules) {
    return new RuleSet(index(new LinkedHashMap<>(byName), rules));
  }

  private static Map<String, Rule> index(Map<String, Rule> byName, Collection<? extends Rule> rules) {
    for (Rule rule : rules) {
      RuleInfo info = rule.info();
      if (info == null) {
        throw new IllegalArgumentException("rule " + rule.getClass().getName() + " returns no RuleInfo from info()");
      }
      Rule existing = byName.get(info.name());
      if (existing == null) {
        byName.put(info.name(), rule);
      } else if (existing.getClass() != rule.getClass()) {
        throw new IllegalArgumentException(
            "two rules are named '" + info.name() + "': " + existing.getClass().getName() + " and "
                + rule.getClass().getName());
      }
    }
    return byName;
  }

  /** The rules, built-in ones first, in the order they were added. */
  public List<Rule> rules() {
    return List.copyOf(byName.values());
  }

  /** Every rule's name, in the order of {@link #rules()}. */
  public Set<String> names() {
    return java.util.Collections.unmodifiableSet(byName.keySet());
  }

  /** The rule with this name. */
  public Optional<Rule> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }
}
