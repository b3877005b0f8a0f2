package io.github.tracecheck.rules;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a {@link Rule} is, as settings, reports, SARIF output and the documentation show it: its name,
 * a one-line summary, the mode it runs in unless configured, and the semantic conventions it relies
 * on. Every rule, built-in or the user's, carries one.
 *
 * <pre>{@code
 * static final RuleInfo INFO =
 *     RuleInfo.of("no-debug-spans", "spans named debug* must not reach production", RuleMode.WARN);
 * }</pre>
 */
public final class RuleInfo {

  // Lower-case words joined by hyphens: the names are written in properties and annotations.
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private final String name;
  private final String summary;
  private final RuleMode defaultMode;
  private final List<String> conventions;

  private RuleInfo(String name, String summary, RuleMode defaultMode, List<String> conventions) {
    this.name = Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "rule name '" + name + "' must be lower-case words joined by hyphens, e.g. 'orphaned-root'");
    }
    this.summary = Objects.requireNonNull(summary, "summary").strip();
    if (this.summary.isEmpty() || this.summary.contains("\n")) {
      throw new IllegalArgumentException("rule '" + name + "': the summary must be one non-empty line");
    }
    this.defaultMode = Objects.requireNonNull(defaultMode, "defaultMode");
    this.conventions = List.copyOf(conventions);
  }

  /** A rule that relies on no particular semantic convention. */
  public static RuleInfo of(String name, String summary, RuleMode defaultMode) {
    return new RuleInfo(name, summary, defaultMode, List.of());
  }

  /** This rule, noting the semantic conventions (attribute names, spec sections) it relies on. */
  public RuleInfo withConventions(String... conventions) {
    return new RuleInfo(name, summary, defaultMode, List.of(conventions));
  }

  /** The name used in settings, suppressions and findings, e.g. {@code orphaned-root}. */
  public String name() {
    return name;
  }

  /** What the rule catches, in one line. */
  public String summary() {
    return summary;
  }

  /** What the gate does with the rule's findings unless configured. */
  public RuleMode defaultMode() {
    return defaultMode;
  }

  /** The semantic conventions the rule reads, e.g. {@code http.response.status_code}. */
  public List<String> conventions() {
    return conventions;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RuleInfo that
        && name.equals(that.name)
        && summary.equals(that.summary)
        && defaultMode == that.defaultMode
        && conventions.equals(that.conventions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, summary, defaultMode, conventions);
  }

  @Override
  public String toString() {
    return name + " (" + defaultMode.name().toLowerCase(java.util.Locale.ROOT) + "): " + summary;
  }
}
