package io.github.tracecheck.rules.internal;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.pii.Masking;
import java.util.function.UnaryOperator;

/** How findings quote a span: its masked name and service, e.g. {@code "orders process" (order-worker)}. */
public final class SpanDescriptions {

  private SpanDescriptions() {}

  /** The span's masked name in quotes, followed by its masked service name in parentheses. */
  public static String describe(SpanNode node) {
    return describe(node, Masking::redact);
  }

  static String describe(SpanNode node, UnaryOperator<String> redact) {
    String service = node.serviceName().isEmpty() ? "" : " (" + redact.apply(node.serviceName()) + ")";
    return "\"" + redact.apply(node.name()) + "\"" + service;
  }
}
