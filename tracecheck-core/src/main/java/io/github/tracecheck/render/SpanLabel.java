package io.github.tracecheck.render;

import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.model.SpanNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The one-line description of a span used in every tree tracecheck draws: name, kind, service, the
 * attributes that identify the hop, status and duration.
 */
public final class SpanLabel {

  /**
   * Attributes that say which hop a span is, in current and older semantic-convention names. Kept
   * as plain keys so that both generations print without depending on the semconv artifact.
   */
  static final List<AttributeKey<?>> HOP_ATTRIBUTES =
      List.of(
          AttributeKey.stringKey("http.request.method"),
          AttributeKey.stringKey("http.method"),
          AttributeKey.stringKey("http.route"),
          AttributeKey.stringKey("http.target"),
          AttributeKey.stringKey("url.full"),
          AttributeKey.stringKey("http.url"),
          AttributeKey.longKey("http.response.status_code"),
          AttributeKey.longKey("http.status_code"),
          AttributeKey.stringKey("rpc.system"),
          AttributeKey.stringKey("rpc.service"),
          AttributeKey.stringKey("rpc.method"),
          AttributeKey.longKey("rpc.grpc.status_code"),
          AttributeKey.stringKey("rpc.response.status_code"),
          AttributeKey.stringKey("messaging.system"),
          AttributeKey.stringKey("messaging.destination.name"),
          AttributeKey.stringKey("messaging.destination"),
          AttributeKey.stringKey("messaging.operation.type"),
          AttributeKey.stringKey("messaging.operation"),
          AttributeKey.stringKey("db.system.name"),
          AttributeKey.stringKey("db.system"),
          AttributeKey.stringKey("error.type"));

  private static final int MAX_VALUE_LENGTH = 80;

  private SpanLabel() {}

  /**
   * Describes a span in one line, for example {@code POST /checkout [SERVER] api-gateway
   * {http.request.method=POST, http.response.status_code=202} 12.0 ms}.
   */
  public static String of(SpanNode node) {
    SpanData span = node.data();
    StringBuilder line = new StringBuilder();
    line.append(abbreviate(Masking.redact(span.getName()))).append(" [").append(span.getKind()).append(']');
    if (!node.serviceName().isEmpty()) {
      line.append(' ').append(abbreviate(Masking.redact(node.serviceName())));
    }
    String hop = hopAttributes(span.getAttributes());
    if (!hop.isEmpty()) {
      line.append(' ').append(hop);
    }
    StatusData status = span.getStatus();
    if (status.getStatusCode() != StatusCode.UNSET) {
      line.append(" status=").append(status.getStatusCode());
      if (!status.getDescription().isEmpty()) {
        line.append("(\"").append(abbreviate(Masking.redact(status.getDescription()))).append("\")");
      }
    }
    if (node.hasRemoteParent()) {
      line.append(" (remote parent)");
    }
    if (node.hasMissingParent()) {
      line.append(" (parent ").append(span.getParentSpanId()).append(" not captured)");
    }
    if (!span.getLinks().isEmpty()) {
      line.append(" links=").append(span.getLinks().size());
    }
    line.append(' ').append(duration(node.durationNanos()));
    return line.toString();
  }

  static String hopAttributes(Attributes attributes) {
    StringJoiner joiner = new StringJoiner(", ", "{", "}").setEmptyValue("");
    for (AttributeKey<?> key : HOP_ATTRIBUTES) {
      Object value = attributes.get(key);
      if (value != null) {
        joiner.add(key.getKey() + "=" + abbreviate(Masking.redact(String.valueOf(value))));
      }
    }
    return joiner.toString();
  }

  static String duration(long nanos) {
    if (nanos < 0) {
      return "(ends before it starts)";
    }
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
  }

  /** Keeps one huge attribute value or name from flooding a CI log. */
  static String abbreviate(String value) {
    if (value.length() <= MAX_VALUE_LENGTH) {
      return value;
    }
    return value.substring(0, MAX_VALUE_LENGTH) + "...(" + value.length() + " chars)";
  }
}
