package io.github.tracecheck.rules;

import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.model.SpanNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the semantic-convention attributes the rules need, accepting the current names and the
 * older ones instrumentation still emits.
 */
final class SpanAttributes {

  // Attribute keys are looked up for every span by every rule: make each once.
  private static final Map<String, AttributeKey<String>> STRING_KEYS = new ConcurrentHashMap<>();
  private static final Map<String, AttributeKey<Long>> LONG_KEYS = new ConcurrentHashMap<>();

  private SpanAttributes() {}

  static String string(SpanNode node, String... keys) {
    Attributes attributes = node.data().getAttributes();
    for (String key : keys) {
      String value = attributes.get(STRING_KEYS.computeIfAbsent(key, AttributeKey::stringKey));
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  static Long number(SpanNode node, String... keys) {
    Attributes attributes = node.data().getAttributes();
    for (String key : keys) {
      Long value = attributes.get(LONG_KEYS.computeIfAbsent(key, AttributeKey::longKey));
      if (value != null) {
        return value;
      }
      String text = attributes.get(STRING_KEYS.computeIfAbsent(key, AttributeKey::stringKey));
      if (text != null) {
        try {
          return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
          // not a number: treated as absent
        }
      }
    }
    return null;
  }

  static String httpMethod(SpanNode node) {
    return string(node, "http.request.method", "http.method");
  }

  static Long httpStatus(SpanNode node) {
    return number(node, "http.response.status_code", "http.status_code");
  }

  static String messagingSystem(SpanNode node) {
    return string(node, "messaging.system");
  }

  static String messagingDestination(SpanNode node) {
    return string(node, "messaging.destination.name", "messaging.destination");
  }

  static String rpcSystem(SpanNode node) {
    return string(node, "rpc.system");
  }

  static String rpcService(SpanNode node) {
    return string(node, "rpc.service");
  }

  static String rpcMethod(SpanNode node) {
    return string(node, "rpc.method");
  }

  /** The path a client requested, from {@code url.full} or {@code http.url}; null when unknown. */
  static String clientPath(SpanNode node) {
    String url = string(node, "url.full", "http.url");
    if (url == null) {
      return null;
    }
    try {
      return URI.create(url).getRawPath();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The path a server received, from {@code url.path} or {@code http.target}; null when unknown. */
  static String serverPath(SpanNode node) {
    String target = string(node, "url.path", "http.target");
    if (target == null) {
      return null;
    }
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  static String serverRoute(SpanNode node) {
    return string(node, "http.route");
  }

  /** Quotes a span for messages: {@code "orders process" (order-worker)}. */
  static String describe(SpanNode node) {
    String service = node.serviceName().isEmpty() ? "" : " (" + Masking.redact(node.serviceName()) + ")";
    return "\"" + Masking.redact(node.name()) + "\"" + service;
  }
}
