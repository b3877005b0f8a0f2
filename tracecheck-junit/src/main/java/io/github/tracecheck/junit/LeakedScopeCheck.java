package io.github.tracecheck.junit;

import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.Rules;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks, on the test thread after the test, that no OpenTelemetry context is still current: a
 * {@code Scope} from {@code makeCurrent()} that was never closed leaks the test's context into
 * whatever runs next on the thread, and in a service, into the next request.
 */
final class LeakedScopeCheck {

  private LeakedScopeCheck() {}

  /** Returns the finding, or null; when it finds a leak it resets the thread to the root context. */
  static Finding check(Supplier<List<SpanStart>> started) {
    Context current = Context.current();
    if (current == Context.root()) {
      return null;
    }
    SpanContext spanContext = Span.fromContext(current).getSpanContext();
    String what;
    if (spanContext.isValid()) {
      String name =
          started.get().stream()
              .filter(s -> s.spanContext().equals(spanContext))
              .map(s -> "\"" + Masking.redact(s.name()) + "\" ")
              .findFirst()
              .orElse("");
      what = "span " + name + "(" + spanContext.getSpanId() + ") was made current";
    } else {
      what = "a context without a span (baggage or another value) was made current";
    }
    // The scope that leaked belongs to the test; the only way to stop the leak reaching the next
    // test on this thread is to make the root current and drop that new scope on purpose.
    @SuppressWarnings({"MustBeClosedChecker", "unused"})
    var unused = Context.root().makeCurrent();
    return Finding.general(
        Rules.LEAKED_SCOPE,
        "the test thread \"" + Thread.currentThread().getName() + "\" still has a context current after"
            + " the test: " + what + " and its Scope was never closed",
        "a Scope returned by makeCurrent() was not closed: use try-with-resources");
  }
}
