package io.github.tracecheck.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@code junit-platform.properties} settings in the three shapes tracecheck uses: single
 * values, comma-separated lists, and numbered groups ({@code tracecheck.suppress.1.rule}, {@code
 * .span}, ... then {@code tracecheck.suppress.2.rule}, ...).
 */
final class PropertySource {

  private static final int MAX_GROUPS = 1000;

  /** One numbered group of settings, e.g. every {@code tracecheck.suppress.1.*}. */
  static final class Group {
    private final PropertySource properties;
    private final String prefix;

    Group(PropertySource properties, String prefix) {
      this.properties = properties;
      this.prefix = prefix;
    }

    Optional<String> get(String field) {
      return properties.get(prefix + field);
    }

    /** The full key of one field, e.g. {@code tracecheck.pii.custom.1.pattern}. */
    String key(String field) {
      return prefix + field;
    }

    /** How error messages name the group, e.g. {@code tracecheck.suppress.1.*}. */
    String source() {
      return prefix + "*";
    }
  }

  private final Function<String, Optional<String>> lookup;

  /** @param lookup e.g. {@code ExtensionContext::getConfigurationParameter} */
  PropertySource(Function<String, Optional<String>> lookup) {
    this.lookup = lookup;
  }

  Optional<String> get(String key) {
    return lookup.apply(key);
  }

  /** A comma-separated value, each element stripped, blank elements dropped; empty when unset. */
  List<String> list(String key) {
    List<String> values = new ArrayList<>();
    for (String value : get(key).map(v -> v.split(",")).orElse(new String[0])) {
      if (!value.isBlank()) {
        values.add(value.strip());
      }
    }
    return values;
  }

  /**
   * The numbered groups under the prefix, from 1 up to the first number where none of the fields
   * is set.
   */
  List<Group> groups(String prefix, String... fields) {
    List<Group> groups = new ArrayList<>();
    for (int n = 1; n <= MAX_GROUPS; n++) {
      Group group = new Group(this, prefix + n + ".");
      boolean any = false;
      for (String field : fields) {
        any |= group.get(field).isPresent();
      }
      if (!any) {
        break;
      }
      groups.add(group);
    }
    return groups;
  }
}
