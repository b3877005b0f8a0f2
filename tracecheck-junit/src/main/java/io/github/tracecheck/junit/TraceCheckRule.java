package io.github.tracecheck.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets what the gate does with one rule, for a test class or a test method (the method wins).
 *
 * <pre>{@code
 * @Test
 * @TraceCheckRule(name = "missing-error-status", mode = GateMode.WARN)
 * void retriesAfterATimeout() { ... }
 * }</pre>
 *
 * <p>Names: {@code orphaned-root}, {@code dangling-parent}, {@code span-never-ended}, {@code
 * missing-error-status}, {@code leaked-scope}, or {@code *} for all of them. An unknown name fails
 * the test with a configuration error.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(TraceCheckRule.List.class)
public @interface TraceCheckRule {

  /** The rule's name, or {@code *} for every rule. */
  String name();

  GateMode mode();

  /** Holds repeated {@link TraceCheckRule}s. */
  @Target({ElementType.TYPE, ElementType.METHOD})
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @Inherited
  @interface List {
    TraceCheckRule[] value();
  }
}
