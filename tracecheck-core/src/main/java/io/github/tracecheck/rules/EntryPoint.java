package io.github.tracecheck.rules;

import io.github.tracecheck.internal.Glob;
import io.github.tracecheck.model.SpanNode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A root span the user declared legitimate, with the reason: work that starts its own trace on
 * purpose, such as a cache refresh triggered by a timer the capture cannot see. The orphaned-root
 * rule never flags a root whose name matches. {@code *} in the span name matches any characters.
 */
public final class EntryPoint {

  private final String spanName;
  private final Pattern pattern;
  private final String reason;

  private EntryPoint(String spanName, String reason) {
    this.spanName = spanName;
    this.pattern = Glob.compile(spanName);
    this.reason = reason;
  }

  /**
   * @param spanName the root span's name, {@code *} matching any characters; must not be blank
   * @param reason why such a root starts its own trace; must not be blank
   * @throws IllegalArgumentException when either is blank
   */
  public static EntryPoint of(String spanName, String reason) {
    Objects.requireNonNull(spanName, "spanName");
    if (spanName.isBlank()) {
      throw new IllegalArgumentException("an entry point must name a span (a glob such as \"refresh *\")");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("entry point \"" + spanName + "\" must give a reason");
    }
    return new EntryPoint(spanName.strip(), reason.strip());
  }

  /** Whether the span's name matches this declaration. */
  public boolean matches(SpanNode span) {
    return pattern.matcher(span.name()).matches();
  }

  /** The span-name glob as declared. */
  public String spanName() {
    return spanName;
  }

  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return "entry point \"" + spanName + "\" (" + reason + ")";
  }
}
