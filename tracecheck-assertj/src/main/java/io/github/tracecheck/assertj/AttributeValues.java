package io.github.tracecheck.assertj;

import io.github.tracecheck.model.SpanNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.Map;
import java.util.Objects;

/** Looks attributes up by plain string key, whatever their type. */
final class AttributeValues {

  private AttributeValues() {}

  /** The value of the attribute with this name, or null. */
  static Object find(Attributes attributes, String key) {
    for (Map.Entry<AttributeKey<?>, Object> entry : attributes.asMap().entrySet()) {
      if (entry.getKey().getKey().equals(key)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** True when the attribute exists and equals the value, or prints the same (200 vs 200L). */
  static boolean matches(SpanNode node, String key, Object expected) {
    Object actual = find(node.data().getAttributes(), key);
    if (actual == null) {
      return expected == null;
    }
    return Objects.equals(actual, expected) || String.valueOf(actual).equals(String.valueOf(expected));
  }
}
