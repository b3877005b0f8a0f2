package io.github.tracecheck.semconv;

import io.github.tracecheck.model.SpanNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads an attribute under the first of several names that is set: the semantic conventions renamed
 * many attributes, and instrumentation in use still writes the older names.
 */
public final class AttributeReader {

  // Attribute keys are looked up for every span by every rule: make each once.
  private static final Map<String, AttributeKey<String>> STRING_KEYS = new ConcurrentHashMap<>();
  private static final Map<String, AttributeKey<Long>> LONG_KEYS = new ConcurrentHashMap<>();

  private AttributeReader() {}

  /** The first string value set under one of the keys, or null. */
  public static String string(SpanNode node, String... keys) {
    Attributes attributes = node.data().getAttributes();
    for (String key : keys) {
      String value = attributes.get(stringKey(key));
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  // A plain get first: computeIfAbsent costs more even when the key is there.
  private static AttributeKey<String> stringKey(String key) {
    AttributeKey<String> made = STRING_KEYS.get(key);
    return made != null ? made : STRING_KEYS.computeIfAbsent(key, AttributeKey::stringKey);
  }

  private static AttributeKey<Long> longKey(String key) {
    AttributeKey<Long> made = LONG_KEYS.get(key);
    return made != null ? made : LONG_KEYS.computeIfAbsent(key, AttributeKey::longKey);
  }

  /**
   * The first number set under one of the keys, as a long or as a string of digits (Micrometer writes
   * numbers as strings), or null.
   */
  public static Long number(SpanNode node, String... keys) {
    Attributes attributes = node.data().getAttributes();
    for (String key : keys) {
      Long value = attributes.get(longKey(key));
      if (value != null) {
        return value;
      }
      String text = attributes.get(stringKey(key));
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

  /** Whether any of the keys is set, whatever its type. */
  public static boolean has(SpanNode node, String... keys) {
    for (String key : keys) {
      for (AttributeKey<?> present : node.data().getAttributes().asMap().keySet()) {
        if (present.getKey().equals(key)) {
          return true;
        }
      }
    }
    return false;
  }
}
