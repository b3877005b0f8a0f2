package io.github.tracecheck.otlp;

import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceId;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads trace and span ids as OTLP JSON writes them: lower-case hex of 32 or 16 digits, not all
 * zero. The usual id - lower-case already - is checked in the parser's buffer in one pass and taken
 * from it without a string made to be lower-cased and checked (a trace id through {@link
 * SharedValues}, as it repeats); any other text (upper case, wrong length, not a string) goes the
 * long way, which also makes its error.
 */
final class HexIds {

  private final JsonCursor json;
  private final SharedValues shared;
  private final RecentSpanContexts contexts;

  HexIds(JsonCursor json, SharedValues shared, RecentSpanContexts contexts) {
    this.json = json;
    this.shared = shared;
    this.contexts = contexts;
  }

  /** The id the cursor is on, of {@code length} digits; an optional id may be "" for none (null). */
  String read(JsonPath path, int length, boolean required) throws IOException, OtlpFormatException {
    if (json.isString() && json.textLength() == length
        && isLowerHexNotAllZero(json.textCharacters(), json.textOffset(), length)) {
      // A trace id repeats for every span of its trace: one string is shared. A span id repeats
      // as its children's parent id: the string its recent context holds is shared.
      return length == 16 ? spanId(json.textCharacters(), json.textOffset()) : json.text(path, shared);
    }
    String text = json.text(path, shared);
    if (text.isEmpty() && !required) {
      return null;
    }
    String id = text.toLowerCase(Locale.ROOT);
    boolean valid = length == 32 ? TraceId.isValid(id) : SpanId.isValid(id);
    if (!json.isString() || !valid) {
      throw json.error(path, "'" + text + "' is not " + length + " hex digits (not all zero)");
    }
    return id;
  }

  private String spanId(char[] characters, int offset) {
    String known = contexts.spanId(characters, offset);
    return known != null ? known : new String(characters, offset, 16);
  }

  /** What {@link TraceId#isValid} and {@link SpanId#isValid} accept, checked in place. */
  private static boolean isLowerHexNotAllZero(char[] chars, int offset, int length) {
    boolean allZero = true;
    for (int i = offset; i < offset + length; i++) {
      char c = chars[i];
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
      allZero &= c == '0';
    }
    return !allZero;
  }
}
