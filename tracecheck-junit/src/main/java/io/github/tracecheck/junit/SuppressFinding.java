package io.github.tracecheck.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Suppresses the findings of one rule about chosen spans, with the reason written down.
 *
 * <pre>{@code
 * @SuppressFinding(rule = "orphaned-root", span = "health check",
 *     reason = "the scheduler starts a new trace on purpose")
 * }</pre>
 *
 * <p>A suppression must name the rule, a span (by name, {@code *} matching any characters, and/or
 * by an attribute) and a non-blank reason; anything less fails the test with a configuration error.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(SuppressFinding.List.class)
public @interface SuppressFinding {

  /** The rule whose findings are suppressed. */
  String rule();

  /** The span's name; {@code *} matches any characters. Empty: match by {@link #attribute()} only. */
  String span() default "";

  /** {@code key=value}: the span has this attribute with this value. Empty: match by name only. */
  String attribute() default "";

  /** Why the finding is expected; printed when the suppression applies. */
  String reason();

  /** Holds repeated {@link SuppressFinding}s. */
  @Target({ElementType.TYPE, ElementType.METHOD})
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @Inherited
  @interface List {
    SuppressFinding[] value();
  }
}
