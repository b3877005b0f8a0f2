package io.github.tracecheck.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A root span that starts its own trace on purpose, declared in {@link TraceCheck#entryPoints()}:
 * the gate's {@code orphaned-root} rule never flags a root whose name matches.
 *
 * <pre>{@code
 * @TraceCheck(entryPoints = @EntryPointSpan(span = "refresh *", reason = "the cache refreshes on its own timer"))
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface EntryPointSpan {

  /** The root span's name; {@code *} matches any characters. */
  String span();

  /** Why such a root starts its own trace; required. */
  String reason();
}
