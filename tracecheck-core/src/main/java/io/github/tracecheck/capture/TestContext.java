package io.github.tracecheck.capture;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * The mark of a test in an OpenTelemetry {@link Context}: made current on the test's thread, it
 * travels wherever the context travels (into wrapped executors, into spans' parent contexts), so
 * that {@link SpanCapture#onStart} can tell which test a span descends from whatever thread starts
 * it.
 */
public final class TestContext {

  private static final ContextKey<Object> TEST = ContextKey.named("tracecheck.test");

  private TestContext() {}

  /** The root context marked for the test: what the test's thread should have current while it runs. */
  public static Context rootFor(Object test) {
    return Context.root().with(TEST, test);
  }

  /** The test the context descends from; null when it carries no mark. */
  public static Object testOf(Context context) {
    return context == null ? null : context.get(TEST);
  }
}
