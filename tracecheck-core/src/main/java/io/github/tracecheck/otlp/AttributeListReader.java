package io.github.tracecheck.otlp;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an OTLP list of {@code {"key", "value"}} pairs into {@link Attributes}, keeping each
 * value's type: strings, booleans, integers, doubles and arrays of one of them come back as what
 * the SDK recorded. What OpenTelemetry Java attributes cannot hold (a {@code kvlistValue}, a
 * {@code bytesValue}) is kept as its JSON text, so that it can still be read in a report ({@link
 * AnyValueReader}).
 *
 * <p>A stream holds millions of attributes: the pair being read and the pairs of the list are kept
 * in fields of this reader, used again for every list, and the cursor's callbacks are bound once,
 * so that reading an attribute makes nothing but what the span keeps. A reader reads one list at a
 * time (the lists of a span, its events and links, and of a resource are never nested).
 */
final class AttributeListReader {

  /** The most pairs {@link Attributes#of} takes at once; longer lists go through a builder. */
  private static final int MOST_PAIRS_AT_ONCE = 6;

  private final JsonCursor json;
  private final SharedValues shared;
  private final AnyValueReader values;
  private final JsonCursor.ElementReader readAttribute = this::attribute;
  private final JsonCursor.FieldReader readKeyOrValue = this::keyOrValue;

  /** The keys and values of the list being read, one after the other, in the order read. */
  private Object[] pairs = new Object[2 * MOST_PAIRS_AT_ONCE];
  private int size;
  /** The attribute being read. */
  private String key;
  private Object value;

  AttributeListReader(JsonCursor json, SharedValues shared) {
    this.json = json;
    this.shared = shared;
    this.values = new AnyValueReader(json, shared);
  }

  /** Reads the list the cursor is on. */
  Attributes read(JsonPath path) throws IOException, OtlpFormatException {
    size = 0;
    json.array(path, readAttribute);
    Attributes attributes = attributes();
    Arrays.fill(pairs, 0, size, null); // the values are the span's, not this reader's to keep alive
    return attributes;
  }

  private void attribute(JsonPath element) throws IOException, OtlpFormatException {
    key = null;
    value = null;
    json.object(element, readKeyOrValue);
    if (key == null) {
      throw json.error(element.field("key"), "is missing or not a string");
    }
    if (value != null) { // an attribute without a value carries nothing to check
      add(attributeKey(key, value), value instanceof List ? arrayValue((List<?>) value) : value);
    }
  }

  private void keyOrValue(String name, JsonPath field) throws IOException, OtlpFormatException {
    if (name.equals("key")) {
      key = json.isString() ? json.text(field, shared) : null;
    } else if (name.equals("value")) {
      value = values.read(field);
    }
  }

  private void add(AttributeKey<?> attributeKey, Object attributeValue) {
    if (size == pairs.length) {
      pairs = Arrays.copyOf(pairs, 2 * pairs.length);
    }
    pairs[size++] = attributeKey;
    pairs[size++] = attributeValue;
  }

  private AttributeKey<?> attributeKey(String name, Object value) {
    if (value instanceof Boolean) {
      return shared.booleanKey(name);
    } else if (value instanceof Long) {
      return shared.longKey(name);
    } else if (value instanceof Double) {
      return shared.doubleKey(name);
    } else if (value instanceof List<?> elements) {
      return arrayKey(name, elements);
    }
    return shared.stringKey(name);
  }

  /** An array of one type keeps it; an empty or a mixed one becomes strings. */
  private static AttributeKey<?> arrayKey(String name, List<?> elements) {
    if (!elements.isEmpty() && all(elements, Boolean.class)) {
      return AttributeKey.booleanArrayKey(name);
    } else if (!elements.isEmpty() && all(elements, Long.class)) {
      return AttributeKey.longArrayKey(name);
    } else if (!elements.isEmpty() && all(elements, Double.class)) {
      return AttributeKey.doubleArrayKey(name);
    }
    return AttributeKey.stringArrayKey(name);
  }

  /** The elements as the value of {@link #arrayKey}: strings unless all are of one type. */
  private static List<?> arrayValue(List<?> elements) {
    boolean oneType = !elements.isEmpty()
        && (all(elements, Boolean.class) || all(elements, Long.class) || all(elements, Double.class));
    return oneType ? elements : elements.stream().map(String::valueOf).toList();
  }

  private static boolean all(List<?> elements, Class<?> type) {
    return elements.stream().allMatch(type::isInstance);
  }

  /**
   * The pairs read as {@link Attributes}: a short list (nearly all of them) is handed to {@link
   * Attributes#of} at once, sparing the builder's list and its copies; the same sorting and
   * last-key-wins as the builder apply, so the result is equal.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Attributes attributes() {
    Object[] p = pairs;
    switch (size / 2) {
      case 0:
        return Attributes.empty();
      case 1:
        return Attributes.of((AttributeKey) p[0], p[1]);
      case 2:
        return Attributes.of((AttributeKey) p[0], p[1], (AttributeKey) p[2], p[3]);
      case 3:
        return Attributes.of((AttributeKey) p[0], p[1], (AttributeKey) p[2], p[3], (AttributeKey) p[4], p[5]);
      case 4:
        return Attributes.of((AttributeKey) p[0], p[1], (AttributeKey) p[2], p[3], (AttributeKey) p[4], p[5],
            (AttributeKey) p[6], p[7]);
      case 5:
        return Attributes.of((AttributeKey) p[0], p[1], (AttributeKey) p[2], p[3], (AttributeKey) p[4], p[5],
            (AttributeKey) p[6], p[7], (AttributeKey) p[8], p[9]);
      case MOST_PAIRS_AT_ONCE:
        return Attributes.of((AttributeKey) p[0], p[1], (AttributeKey) p[2], p[3], (AttributeKey) p[4], p[5],
            (AttributeKey) p[6], p[7], (AttributeKey) p[8], p[9], (AttributeKey) p[10], p[11]);
      default:
        AttributesBuilder builder = Attributes.builder();
        for (int i = 0; i < size; i += 2) {
          builder.put((AttributeKey) p[i], p[i + 1]);
        }
        return builder.build();
    }
  }
}
