package io.github.tracecheck.model;

import io.opentelemetry.api.trace.SpanContext;
import java.util.Objects;
import java.util.Optional;

/**
 * A context that was still current on a thread when it should have been the root: a {@code Scope}
 * from {@code makeCurrent()} that was never closed. Recorded by whoever inspects the thread (the
 * JUnit gate, on the test thread after each test) and checked by the {@code leaked-scope} rule.
 *
 * @param threadName the thread that still had the context current
 * @param spanContext the span of that context; invalid when the context holds no span (baggage or
 *     another value)
 * @param spanName the name of that span when the capture saw it start, else null
 */
public record ContextLeak(String threadName, SpanContext spanContext, String spanName) {

  public ContextLeak {
    Objects.requireNonNull(threadName, "threadName");
    Objects.requireNonNull(spanContext, "spanContext");
  }

  /** The name of the span that was left current, when known. */
  public Optional<String> span() {
    return Optional.ofNullable(spanName);
  }
}
