package io.github.tracecheck.assertj.error;

import io.github.tracecheck.pii.Masking;

/**
 * The failures of the wire assertions, on what crossed a boundary (HTTP headers, gRPC metadata,
 * Kafka record headers): "Expecting request GET /x to carry valid W3C trace context, but ...",
 * "Expecting the traceparent of ... to continue span ... but it names ...", and "Expecting ... to
 * carry baggage ... but ...". Each ends with what was carried.
 */
public final class ShouldCarryTraceContext extends TraceErrorMessage {

  private final String message;

  private ShouldCarryTraceContext(String message) {
    this.message = message;
  }

  /**
   * @param carrier what crossed the wire, e.g. {@code request GET /stock/sku-42}
   * @param problem why its trace context is not valid, e.g. {@code no traceparent header}
   * @param carried the entries it carried, e.g. {@code Headers: [host, traceparent=00-...]}
   */
  public static ShouldCarryTraceContext shouldCarryValidTraceContext(String carrier, String problem, String carried) {
    return new ShouldCarryTraceContext("Expecting " + Masking.redact(carrier) + " to carry valid W3C trace context, but "
        + Masking.redact(problem) + ".\n" + carried);
  }

  /**
   * @param traceparent the valid traceparent that was carried
   * @param span the expected span's label
   * @param traceId the expected span's trace id
   * @param spanId the expected span's span id
   * @param namedTraceId the trace id the traceparent names
   * @param namedParentId the parent id the traceparent names
   */
  public static ShouldCarryTraceContext shouldContinueSpan(
      String carrier, String traceparent, String span, String traceId, String spanId, String namedTraceId,
      String namedParentId) {
    return new ShouldCarryTraceContext("Expecting the traceparent of " + Masking.redact(carrier) + "\n"
        + indent(traceparent) + "\nto continue span\n" + indent(Masking.redact(span) + " (trace " + traceId
        + ", span " + spanId + ")") + "\nbut it names trace " + namedTraceId + ", parent " + namedParentId);
  }

  /**
   * @param actualValue the value carried under the key, or null when there is none
   */
  public static ShouldCarryTraceContext shouldCarryBaggage(
      String carrier, String key, String value, String actualValue, String carried) {
    String found = actualValue == null ? "it has no such entry" : "it was " + Masking.redact(actualValue);
    return new ShouldCarryTraceContext("Expecting " + Masking.redact(carrier) + " to carry baggage\n"
        + indent(key + "=" + Masking.redact(value)) + "\nbut " + found + ".\n" + carried);
  }

  @Override
  String message() {
    return message;
  }
}
