package io.github.tracecheck.rules.internal;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.pii.Masking;

/** How findings quote a span: its masked name and service, e.g. {@code "orders process" (order-worker)}. */
public final class SpanDescriptions {

  private SpanDescriptions() {}

  /** The span's masked name in quotes, followed by its masked service name in parentheses. */
  public static String describe(SpanNode node) {
    String service = node.serviceName().isEmpty() ? "" : " (" + Masking.redact(node.serviceName()) + ")";
    return "\"" + Masking.redact(node.name()) + "\"" + service;
  }
}
