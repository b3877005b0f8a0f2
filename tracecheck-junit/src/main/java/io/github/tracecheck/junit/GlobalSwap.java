package io.github.tracecheck.junit;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;

/**
 * Makes an OpenTelemetry the {@link GlobalOpenTelemetry} until closed, then puts back what was set
 * before (or nothing).
 *
 * <p>Reading what was set must not set anything, on every supported OpenTelemetry version:
 * {@code GlobalOpenTelemetry.get()} cannot be used (when nothing is set it installs a no-op, after
 * which {@code set} throws), and {@code isSet()} only exists since 1.52. On older versions the
 * value is read from the class's static field.
 */
final class GlobalSwap implements AutoCloseable {

  private static final MethodHandle IS_SET = isSetMethod();
  private static final Field FIELD = globalField();
  private static final int MAX_ATTEMPTS = 100;

  private final OpenTelemetry previous;

  private GlobalSwap(OpenTelemetry previous) {
    this.previous = previous;
  }

  /** Sets {@code openTelemetry} as the global, remembering what was set before. */
  static GlobalSwap install(OpenTelemetry openTelemetry) {
    GlobalSwap swap = new GlobalSwap(current());
    // Code running in parallel may call GlobalOpenTelemetry.get() between the reset and the set.
    // Before 1.52 that installs a no-op when nothing is set, and set then refuses: reset, set again.
    for (int attempt = 1; ; attempt++) {
      GlobalOpenTelemetry.resetForTest();
      try {
        GlobalOpenTelemetry.set(openTelemetry);
        return swap;
      } catch (IllegalStateException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Puts back what was set before {@link #install}, or leaves nothing set. */
  @Override
  public void close() {
    GlobalOpenTelemetry.resetForTest();
    if (previous != null) {
      GlobalOpenTelemetry.set(previous);
    }
  }

  /** The OpenTelemetry set as global, or null when none is set (or it cannot be told). */
  static OpenTelemetry current() {
    if (IS_SET != null) {
      try {
        return (boolean) IS_SET.invokeExact() ? GlobalOpenTelemetry.get() : null;
      } catch (Throwable e) {
        return null;
      }
    }
    if (FIELD != null) {
      try {
        return (OpenTelemetry) FIELD.get(null);
      } catch (IllegalAccessException | ClassCastException e) {
        return null;
      }
    }
    return null;
  }

  private static MethodHandle isSetMethod() {
    try {
      return MethodHandles.publicLookup()
          .findStatic(GlobalOpenTelemetry.class, "isSet", MethodType.methodType(boolean.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }

  private static Field globalField() {
    try {
      Field field = GlobalOpenTelemetry.class.getDeclaredField("globalOpenTelemetry");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) {
      return null;
    }
  }
}
