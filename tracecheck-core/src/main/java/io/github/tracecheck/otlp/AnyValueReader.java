package io.github.tracecheck.otlp;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Reads an OTLP {@code AnyValue} - {@code {"stringValue": "GET"}} and its kin - as a String,
 * Boolean, Long, Double, or List of them. Of several value fields, the first of stringValue,
 * boolValue, intValue, doubleValue, arrayValue wins; with none, the value is kept as its JSON text.
 *
 * <p>One value is read per attribute of every span: what it has read so far is kept in fields of
 * this reader, used again for each value, and its callbacks are bound once, so that a value costs
 * no more than itself. The elements of an {@code arrayValue}, values in turn, are read by a second
 * reader made the first time one is met, so that the array's own fields are not overwritten.
 */
final class AnyValueReader {

  private final JsonCursor json;
  private final SharedValues shared;
  private final JsonCursor.FieldReader readField = this::field;
  private final JsonCursor.FieldReader readArrayField = this::arrayField;
  private final JsonCursor.ElementReader readElement = this::element;
  /** The reader of the elements of an arrayValue, made when the first is met. */
  private AnyValueReader elements;

  /** The value fields of the value being read, null when absent; the first non-null one wins. */
  private Object stringValue;
  private Object boolValue;
  private Object intValue;
  private Object doubleValue;
  private Object arrayValue;
  /** The fields of no known kind, made only for a value that has one, which is rare. */
  private StringJoiner others;
  /** The elements of the arrayValue being read. */
  private List<Object> arrayElements;

  AnyValueReader(JsonCursor json, SharedValues shared) {
    this.json = json;
    this.shared = shared;
  }

  /** Reads the value the cursor is on. */
  Object read(JsonPath path) throws IOException, OtlpFormatException {
    stringValue = null;
    boolValue = null;
    intValue = null;
    doubleValue = null;
    arrayValue = null;
    others = null;
    json.object(path, readField);
    Object value = stringValue != null ? stringValue
        : boolValue != null ? boolValue
        : intValue != null ? intValue
        : doubleValue != null ? doubleValue
        : arrayValue != null ? arrayValue
        : others == null ? "{}" : others.toString();
    // the value now belongs to the span: this reader keeps none of it alive
    stringValue = null;
    arrayValue = null;
    others = null;
    return value;
  }

  private void field(String name, JsonPath field) throws IOException, OtlpFormatException {
    switch (name) {
      case "stringValue" -> stringValue = json.text(field, shared);
      case "boolValue" -> boolValue = json.bool(field);
      case "intValue" -> intValue = json.integer(field, "an integer");
      case "doubleValue" -> doubleValue = json.decimal(field);
      case "arrayValue" -> arrayValue = array(field);
      default -> {
        if (others == null) {
          others = new StringJoiner(",", "{", "}");
        }
        others.add('"' + new String(JsonStringEncoder.getInstance().quoteAsString(name)) + "\":" + json.json());
      }
    }
  }

  private List<Object> array(JsonPath path) throws IOException, OtlpFormatException {
    arrayElements = new ArrayList<>();
    json.object(path, readArrayField);
    List<Object> read = arrayElements;
    arrayElements = null;
    return read;
  }

  private void arrayField(String name, JsonPath field) throws IOException, OtlpFormatException {
    if (name.equals("values")) {
      json.array(field, readElement);
    }
  }

  private void element(JsonPath element) throws IOException, OtlpFormatException {
    if (elements == null) {
      elements = new AnyValueReader(json, shared);
    }
    arrayElements.add(elements.read(element));
  }
}
