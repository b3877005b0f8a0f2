package io.github.tracecheck.capture;

import io.github.tracecheck.model.ContextLeak;
import io.github.tracecheck.model.SpanStart;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Optional;

/**
 * Looks for a context still current on the calling thread when it should be the root, such as the
 * test thread after a test: a {@code Scope} from {@code makeCurrent()} that was never closed leaks
 * the context into whatever runs next on the thread (in a service, into the next request).
 */
public final class ContextLeakProbe {

  private ContextLeakProbe() {}

  /**
   * The leak on the calling thread, if any; when there is one, the thread is reset to the root
   * context, so that the leak does not reach the next test on this thread.
   *
   * @param started the spans the capture saw start, to name the span that was left current
   */
  public static Optional<ContextLeak> takeFromCurrentThread(List<SpanStart> started) {
    return takeFromCurrentThread(started, Context.root());
  }

  /**
   * The leak on the calling thread, if any, when {@code expected} should be current there (a test's
   * marked root context, see {@link TestContext#rootFor}); when there is one, {@code expected} is
   * made current again.
   */
  public static Optional<ContextLeak> takeFromCurrentThread(List<SpanStart> started, Context expected) {
    Context current = Context.current();
    if (current == expected || current == Context.root()) {
      return Optional.empty();
    }
    SpanContext spanContext = Span.fromContext(current).getSpanContext();
    String name = null;
    if (spanContext.isValid()) {
      for (SpanStart start : started) {
        if (start.spanContext().equals(spanContext)) {
          name = start.name();
          break;
        }
      }
    }
    // The scope that leaked belongs to the code under test; the only way to stop the leak is to
    // make the expected context current and leave that new scope open on purpose.
    @SuppressWarnings({"MustBeClosedChecker", "unused"})
    var unused = expected.makeCurrent();
    return Optional.of(new ContextLeak(Thread.currentThread().getName(), spanContext, name));
  }
}
