package io.github.tracecheck.junit;

import io.github.tracecheck.capture.TestContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test's mark made current on its thread while it runs ({@link TestContext}): every span that
 * descends from the test's context, on whatever thread, is attributed to it. Opened before each
 * test and closed after its checks, on the same thread; kept in the test's store.
 */
final class TestMark {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestMark.class);

  private final Context context;
  private final Scope scope;

  private TestMark(Context context, Scope scope) {
    this.context = context;
    this.scope = scope;
  }

  /**
   * Marks the current thread's context for the test, until {@link #close(ExtensionContext)}. Not
   * under the Java agent: its spans never pass tracecheck's processor (they arrive by the receiver,
   * attributed by trace), and the agent's bridged context storage hands back another object than
   * the one made current, which would read as a leaked scope.
   */
  static void open(ExtensionContext test) {
    if (JavaAgentExport.agentAttached()) {
      return;
    }
    Context marked = TestContext.rootFor(test.getUniqueId());
    test.getStore(NAMESPACE).put(TestMark.class, new TestMark(marked, marked.makeCurrent()));
  }

  /** The context that should be current on the test's thread after the test: the root, marked. */
  static Context expectedContext(ExtensionContext test) {
    TestMark mark = test.getStore(NAMESPACE).get(TestMark.class, TestMark.class);
    return mark == null ? Context.root() : mark.context;
  }

  /** Restores what was current before the test. */
  static void close(ExtensionContext test) {
    TestMark mark = test.getStore(NAMESPACE).remove(TestMark.class, TestMark.class);
    if (mark != null) {
      mark.scope.close();
    }
  }
}
