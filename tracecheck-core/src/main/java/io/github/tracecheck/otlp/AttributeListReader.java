package io.github.tracecheck.otlp;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Reads an OTLP list of {@code {"key", "value"}} pairs into {@link Attributes}, keeping each
 * value's type: strings, booleans, integers, doubles and arrays of one of them come back as what
 * the SDK recorded. What OpenTelemetry Java attributes cannot hold (a {@code kvlistValue}, a
 * {@code bytesValue}) is kept as its JSON text, so that it can still be read in a report.
 */
final class AttributeListReader {

  private final JsonCursor json;
  private final SharedValues shared;

  AttributeListReader(JsonCursor json, SharedValues shared) {
    this.json = json;
    this.shared = shared;
  }

  /** Reads the list the cursor is on. */
  Attributes read(JsonPath path) throws IOException, OtlpFormatException {
    AttributesBuilder builder = Attributes.builder();
    json.array(path, element -> {
      String[] key = new String[1];
      Object[] value = new Object[1];
      json.object(element, (name, field) -> {
        if (name.equals("key")) {
          key[0] = json.isString() ? json.text(field, shared) : null;
        } else if (name.equals("value")) {
          value[0] = anyValue(field);
        }
      });
      if (key[0] == null) {
        throw json.error(element.field("key"), "is missing or not a string");
      }
      if (value[0] != null) { // an attribute without a value carries nothing to check
        put(builder, key[0], value[0]);
      }
    });
    return builder.build();
  }

  /**
   * A String, Boolean, Long, Double, or List of them. Of several value fields, the first of
   * stringValue, boolValue, intValue, doubleValue, arrayValue wins; with none, the JSON text.
   */
  private Object anyValue(JsonPath path) throws IOException, OtlpFormatException {
    Object[] values = new Object[5];
    // made only for a value of no known field, which is rare
    StringJoiner[] others = {null};
    json.object(path, (name, field) -> {
      switch (name) {
        case "stringValue" -> values[0] = json.text(field, shared);
        case "boolValue" -> values[1] = json.bool(field);
        case "intValue" -> values[2] = json.integer(field, "an integer");
        case "doubleValue" -> values[3] = json.decimal(field);
        case "arrayValue" -> values[4] = arrayValue(field);
        default -> {
          if (others[0] == null) {
            others[0] = new StringJoiner(",", "{", "}");
          }
          others[0].add('"' + new String(JsonStringEncoder.getInstance().quoteAsString(name)) + "\":" + json.json());
        }
      }
    });
    for (Object value : values) {
      if (value != null) {
        return value;
      }
    }
    return others[0] == null ? "{}" : others[0].toString();
  }

  private List<Object> arrayValue(JsonPath path) throws IOException, OtlpFormatException {
    List<Object> elements = new ArrayList<>();
    json.object(path, (name, field) -> {
      if (name.equals("values")) {
        json.array(field, element -> elements.add(anyValue(element)));
      }
    });
    return elements;
  }

  private void put(AttributesBuilder builder, String key, Object value) {
    if (value instanceof Boolean) {
      builder.put(shared.booleanKey(key), (Boolean) value);
    } else if (value instanceof Long) {
      builder.put(shared.longKey(key), (Long) value);
    } else if (value instanceof Double) {
      builder.put(shared.doubleKey(key), (Double) value);
    } else if (value instanceof List) {
      putArray(builder, key, (List<?>) value);
    } else {
      builder.put(shared.stringKey(key), (String) value);
    }
  }

  /** An array of one type keeps it; an empty or a mixed one becomes strings. */
  private static void putArray(AttributesBuilder builder, String key, List<?> elements) {
    if (!elements.isEmpty() && all(elements, Boolean.class)) {
      builder.put(AttributeKey.booleanArrayKey(key), cast(elements));
    } else if (!elements.isEmpty() && all(elements, Long.class)) {
      builder.put(AttributeKey.longArrayKey(key), cast(elements));
    } else if (!elements.isEmpty() && all(elements, Double.class)) {
      builder.put(AttributeKey.doubleArrayKey(key), cast(elements));
    } else {
      builder.put(AttributeKey.stringArrayKey(key), elements.stream().map(String::valueOf).toList());
    }
  }

  private static boolean all(List<?> elements, Class<?> type) {
    return elements.stream().allMatch(type::isInstance);
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> cast(List<?> elements) {
    return (List<T>) elements;
  }
}
