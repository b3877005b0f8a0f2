package io.github.tracecheck.grpc;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.render.SpanLabel;
import io.github.tracecheck.w3c.Traceparent;
import io.github.tracecheck.w3c.Tracestate;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the trace context a gRPC call carried in its metadata. */
public class ReceivedCallAssert extends AbstractAssert<ReceivedCallAssert, MetadataProbe.ReceivedCall> {

  public ReceivedCallAssert(MetadataProbe.ReceivedCall actual) {
    super(actual, ReceivedCallAssert.class);
  }

  /** The call carried a valid W3C traceparent (and, if any, a valid tracestate). */
  public ReceivedCallAssert hasValidTraceparent() {
    isNotNull();
    String problem = Traceparent.problem(actual.get("traceparent"));
    if (problem == null) {
      problem = Tracestate.problem(actual.get("tracestate"));
    }
    if (problem != null) {
      failWithMessage("%nExpecting gRPC call %s to carry valid W3C trace context, but %s.%nMetadata keys: %s",
          actual.fullMethodName(), problem, actual.metadata().keySet());
    }
    return myself;
  }

  /** The call's traceparent continues the client span: same trace, the client span as parent. */
  public ReceivedCallAssert continuesSpan(SpanNode client) {
    hasValidTraceparent();
    Traceparent parsed = Traceparent.parse(actual.get("traceparent")).orElseThrow();
    if (!parsed.traceId().equals(client.traceId()) || !parsed.parentId().equals(client.spanId())) {
      failWithMessage(
          "%nExpecting gRPC call %s's traceparent%n  %s%nto continue span%n  %s (trace %s, span %s)%nbut it names trace %s, parent %s",
          actual.fullMethodName(), parsed, Masking.redact(SpanLabel.of(client)), client.traceId(), client.spanId(),
          parsed.traceId(), parsed.parentId());
    }
    return myself;
  }
}
