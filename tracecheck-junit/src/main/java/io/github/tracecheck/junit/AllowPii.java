package io.github.tracecheck.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Allows data a PII detector finds, where it is expected, with the reason written down.
 *
 * <pre>{@code
 * @AllowPii(detector = "email", attribute = "enduser.id", reason = "test users have synthetic emails")
 * }</pre>
 *
 * <p>At least one of detector, attribute and span must be narrower than {@code *}, and the reason
 * must not be blank; otherwise the test fails with a configuration error.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(AllowPii.List.class)
public @interface AllowPii {

  /** The detector's name (e.g. {@code email}), or {@code *}. */
  String detector() default "*";

  /** The attribute key; {@code *} matches any characters. */
  String attribute() default "*";

  /** The span name; {@code *} matches any characters. */
  String span() default "*";

  String reason();

  /** Holds repeated {@link AllowPii}s. */
  @Target({ElementType.TYPE, ElementType.METHOD})
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @Inherited
  @interface List {
    AllowPii[] value();
  }
}
