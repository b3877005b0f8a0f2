package io.github.tracecheck.w3c;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.render.SpanLabel;

/**
 * Checks what crossed a boundary (HTTP headers, gRPC metadata, Kafka record headers) against the
 * span on the sending side. Shared by every protocol's wire assertions.
 */
public final class WireContext {

  private WireContext() {}

  /** Why the headers do not carry valid W3C trace context (traceparent, tracestate, baggage), or null. */
  public static String invalidContext(String traceparent, String tracestate, String baggage) {
    String problem = Traceparent.problem(traceparent);
    if (problem == null) {
      problem = Tracestate.problem(tracestate) == null ? null : "tracestate: " + Tracestate.problem(tracestate);
    }
    if (problem == null && BaggageHeader.problem(baggage) != null) {
      problem = "baggage: " + BaggageHeader.problem(baggage);
    }
    return problem;
  }

  /**
   * Why the traceparent does not continue the span (same trace id, the span's id as parent id), or
   * null when it does.
   */
  public static String notContinuing(String traceparent, SpanNode sender) {
    String problem = Traceparent.problem(traceparent);
    if (problem != null) {
      return problem;
    }
    Traceparent parsed = Traceparent.parse(traceparent).orElseThrow();
    if (parsed.traceId().equals(sender.traceId()) && parsed.parentId().equals(sender.spanId())) {
      return null;
    }
    return "traceparent " + parsed + " names trace " + parsed.traceId() + ", parent " + parsed.parentId()
        + ", not span " + Masking.redact(SpanLabel.of(sender)) + " (trace " + sender.traceId() + ", span "
        + sender.spanId() + ")";
  }
}
