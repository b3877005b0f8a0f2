package io.github.tracecheck.http;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.w3c.WireContext;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the trace context an HTTP request carried in its headers. */
public class RecordedRequestAssert extends AbstractAssert<RecordedRequestAssert, RecordingHttpServer.RecordedRequest> {

  public RecordedRequestAssert(RecordingHttpServer.RecordedRequest actual) {
    super(actual, RecordedRequestAssert.class);
  }

  /** The request carried valid W3C trace context: traceparent, and tracestate and baggage if present. */
  public RecordedRequestAssert hasValidTraceContext() {
    isNotNull();
    String problem = WireContext.invalidContext(actual.header("traceparent"), actual.header("tracestate"), actual.header("baggage"));
    if (problem != null) {
      failWithMessage("%nExpecting request %s %s to carry valid W3C trace context, but %s.%nHeaders: %s",
          actual.method(), actual.path(), problem, actual.headers().keySet());
    }
    return myself;
  }

  /** The request's traceparent continues the client span. */
  public RecordedRequestAssert continuesSpan(SpanNode client) {
    hasValidTraceContext();
    String problem = WireContext.notContinuing(actual.header("traceparent"), client);
    if (problem != null) {
      failWithMessage("%nExpecting request %s %s to continue the client span, but its %s", actual.method(), actual.path(), problem);
    }
    return myself;
  }
}
