package io.github.tracecheck.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * One JSON document walked token by token, field by field and element by element, so that a file
 * of any size is read without first building a tree of it; every error it makes names the input,
 * the line and column, and the JSON path. Field names are given in their protobuf JSON form: {@code trace_id} and the
 * older {@code instrumentationLibrarySpans} arrive as {@code traceId} and {@code scopeSpans}.
 */
final class JsonCursor {

  private static final JsonFactory FACTORY = new JsonFactory();

  /** Reads the value of one field; it is called on the value's first token, with a path valid while it reads. */
  interface FieldReader {
    void read(String name, JsonPath path) throws IOException, OtlpFormatException;
  }

  /** Reads one element of an array; it is called on the element's first token, with a path valid while it reads. */
  interface ElementReader {
    void read(JsonPath path) throws IOException, OtlpFormatException;
  }

  private static final int NAME_SLOTS = 64;
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  private final JsonParser parser;
  private final String source;
  /**
   * The protobuf names of the field names met, by the name's hash: the parser hands each field name
   * as one canonical string, so a name is found again by identity and converted once per stream.
   */
  private final String[] namesMet = new String[NAME_SLOTS];
  private final String[] protobufNames = new String[NAME_SLOTS];

  JsonCursor(JsonParser parser, String source) {
    this.parser = parser;
    this.source = source;
  }

  /** A parser of any number of documents, one after the other; it leaves {@code reader} open. */
  static JsonParser open(Reader reader) throws IOException {
    JsonParser parser = FACTORY.createParser(reader);
    parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    return parser;
  }

  /**
   * A parser of any number of documents in UTF-8 (or UTF-16/32, as JSON allows), a byte-order mark
   * accepted; it reads bytes itself so that an encoding error names its byte offset. It leaves
   * {@code in} open.
   */
  static JsonParser open(InputStream in) throws IOException {
    JsonParser parser = FACTORY.createParser(in);
    parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    return parser;
  }

  JsonToken token() {
    return parser.currentToken();
  }

  /**
   * Calls {@code reader} for each field of the object the cursor is on, skipping null values as
   * absent ones; what a reader leaves unread of a value is skipped, so unknown fields need no code.
   */
  void object(JsonPath path, FieldReader reader) throws IOException, OtlpFormatException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw error(path, "is not an object");
    }
    JsonStreamContext object = parser.getParsingContext();
    JsonPath field = path.fieldSlot();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = protobufNameOf(parser.currentName());
      if (parser.nextToken() != JsonToken.VALUE_NULL) {
        reader.read(name, field.at(name));
        skipUnread(object);
      }
    }
  }

  /** Calls {@code reader} for each element of the array the cursor is on. */
  void array(JsonPath path, ElementReader reader) throws IOException, OtlpFormatException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw error(path, "is not an array");
    }
    JsonStreamContext array = parser.getParsingContext();
    JsonPath element = path.elementSlot();
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      reader.read(element.at(i));
      skipUnread(array);
    }
  }

  private void skipUnread(JsonStreamContext container) throws IOException {
    if (parser.getParsingContext() != container) {
      parser.skipChildren();
    }
  }

  /** Moves past the end of the current document, so that a syntax error later in it is found. */
  void skipToEndOfDocument() throws IOException {
    while (!parser.getParsingContext().inRoot() && parser.nextToken() != null) {
      // each token read may be the one that is not valid JSON
    }
  }

  boolean isString() {
    return parser.currentToken() == JsonToken.VALUE_STRING;
  }

  /** The text of a string, number or boolean; what is not one of those is an error. */
  String text(JsonPath path) throws IOException, OtlpFormatException {
    if (!parser.currentToken().isScalarValue()) {
      throw error(path, "is not a string");
    }
    return parser.getText();
  }

  /**
   * The text of a string, number or boolean, as {@link #text(JsonPath)}; a string is taken from the
   * parser's buffer through {@code shared}, so that a text read before is not made again.
   */
  String text(JsonPath path, SharedValues shared) throws IOException, OtlpFormatException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      return text(path);
    }
    return shared.text(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
  }

  /** Whether the current token is a string of exactly these characters. */
  boolean isText(char[] characters) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING || parser.getTextLength() != characters.length) {
      return false;
    }
    int offset = parser.getTextOffset();
    return Arrays.equals(characters, 0, characters.length, parser.getTextCharacters(), offset, offset + characters.length);
  }

  /** The characters of the current string, number or name in the parser's buffer, valid until the next token. */
  char[] textCharacters() throws IOException {
    return parser.getTextCharacters();
  }

  /** Where the current text starts in {@link #textCharacters()}. */
  int textOffset() throws IOException {
    return parser.getTextOffset();
  }

  /** The length of the current text in {@link #textCharacters()}. */
  int textLength() throws IOException {
    return parser.getTextLength();
  }

  /** A string, or a JSON number, as protobuf JSON writes 64-bit integers in either form. */
  long integer(JsonPath path, String what) throws IOException, OtlpFormatException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return parser.getLongValue();
    }
    if (token == JsonToken.VALUE_STRING) {
      try {
        return Long.parseLong(parser.getText());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw error(path, "'" + parser.getText() + "' is not " + what);
  }

  /** A JSON number, or a string: protobuf JSON writes NaN and the infinities as "NaN", "Infinity", "-Infinity". */
  double decimal(JsonPath path) throws IOException, OtlpFormatException {
    JsonToken token = parser.currentToken();
    if (token.isNumeric()) {
      return parser.getDoubleValue();
    }
    if (token == JsonToken.VALUE_STRING) {
      try {
        return Double.parseDouble(parser.getText());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw error(path, "'" + parser.getText() + "' is not a number");
  }

  /**
   * A time in nanoseconds since 1970, as a string or a number; OTLP's unsigned 64 bits are held in
   * Java's signed long, so a time after 2262 is out of range, as is a negative one.
   */
  long nanos(JsonPath path) throws IOException, OtlpFormatException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
      long digits = digits(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
      if (digits >= 0) {
        return digits;
      }
    }
    String text = parser.getText();
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_STRING) {
      throw error(path, "'" + text + "' is not a whole number of nanoseconds");
    }
    BigInteger value;
    try {
      value = new BigInteger(text);
    } catch (NumberFormatException e) {
      throw error(path, "'" + text + "' is not a whole number of nanoseconds");
    }
    if (value.signum() < 0) {
      throw error(path, text + " is negative: a time is nanoseconds since 1970-01-01");
    }
    if (value.compareTo(MAX_LONG) > 0) {
      throw error(path, text + " is out of range: later than 2262-04-11, the last time a Java long holds");
    }
    return value.longValueExact();
  }

  /**
   * The value of 1 to 19 decimal digits that fits a long, read from the parser's buffer without
   * making a string of it (two per span); -1 for anything else, which is then read with its checks.
   */
  private static long digits(char[] text, int offset, int length) {
    if (length < 1 || length > 19) {
      return -1;
    }
    long value = 0;
    for (int i = offset; i < offset + length; i++) {
      int digit = text[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    // 19 digits stay below 2^64: a value past Long.MAX_VALUE shows as negative, never wraps further
    return value < 0 ? -1 : value;
  }

  boolean bool(JsonPath path) throws IOException, OtlpFormatException {
    JsonToken token = parser.currentToken();
    if (!token.isBoolean()) {
      throw error(path, "'" + parser.getText() + "' is not true or false");
    }
    return token == JsonToken.VALUE_TRUE;
  }

  /** The index of the name or number in {@code names}, as protobuf JSON writes enums; -1 if it is neither. */
  int enumIndex(String[] names) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
      int n = parser.getIntValue();
      return n >= 0 && n < names.length ? n : -1;
    }
    String text = parser.getText();
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(text)) {
        return i;
      }
    }
    return -1;
  }

  /** The current value, scalar or not, as compact JSON text. */
  String json() throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.copyCurrentStructure(parser);
    }
    return out.toString();
  }

  /** What the current value is, in the words of an error message: OBJECT, ARRAY, STRING, NUMBER, BOOLEAN. */
  String kindOfValue() {
    JsonToken token = parser.currentToken();
    if (token.isStructStart()) {
      return token == JsonToken.START_OBJECT ? "OBJECT" : "ARRAY";
    }
    return token.isNumeric() ? "NUMBER" : token.isBoolean() ? "BOOLEAN" : token == JsonToken.VALUE_NULL ? "NULL" : "STRING";
  }

  /**
   * Where the current token starts, for an error found after the value was read (a required field
   * missing from an object): its line in the high 32 bits and its column in the low 32 bits, so that
   * remembering where each span starts makes no object ({@link #error(JsonPath, String, long)}).
   */
  long start() {
    JsonLocation location = parser.currentTokenLocation();
    return ((long) location.getLineNr() << 32) | (location.getColumnNr() & 0xFFFF_FFFFL);
  }

  /** An error about the value at {@code path}, at the current token. */
  OtlpFormatException error(JsonPath path, String problem) {
    return error(path, problem, parser.currentTokenLocation());
  }

  /** An error about the value at {@code path}, at {@code location}. */
  OtlpFormatException error(JsonPath path, String problem, JsonLocation location) {
    return error(path, problem, position(location.getLineNr(), location.getColumnNr()));
  }

  /** An error about the value at {@code path}, at {@code start} ({@link #start()}), e.g. where the object lacking a field starts. */
  OtlpFormatException error(JsonPath path, String problem, long start) {
    return error(path, problem, position((int) (start >>> 32), (int) start));
  }

  private OtlpFormatException error(JsonPath path, String problem, String position) {
    return new OtlpFormatException(source + " " + position + ": " + (path.isRoot() ? "" : path + " ") + problem);
  }

  /** "at line 3, column 17". */
  static String position(JsonLocation location) {
    return position(location.getLineNr(), location.getColumnNr());
  }

  private static String position(int line, int column) {
    return "at line " + line + ", column " + column;
  }

  /** {@link #protobufName}, worked out once for each field name met again. */
  private String protobufNameOf(String name) {
    int slot = name.hashCode() & (NAME_SLOTS - 1);
    if (namesMet[slot] == name) {
      return protobufNames[slot];
    }
    String converted = protobufName(name);
    namesMet[slot] = name;
    protobufNames[slot] = converted;
    return converted;
  }

  /** {@code trace_id} as {@code traceId}, and the names OTLP used before 0.15 as the current ones. */
  static String protobufName(String name) {
    switch (name) {
      case "instrumentationLibrarySpans":
      case "instrumentation_library_spans":
        return "scopeSpans";
      case "instrumentationLibrary":
      case "instrumentation_library":
        return "scope";
      default:
        break;
    }
    int underscore = name.indexOf('_');
    if (underscore < 0) {
      return name;
    }
    StringBuilder camel = new StringBuilder(name.length());
    boolean upper = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return camel.toString();
  }
}
