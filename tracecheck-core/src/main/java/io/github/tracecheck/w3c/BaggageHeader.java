package io.github.tracecheck.w3c;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Validates a W3C {@code baggage} header: comma-separated {@code key=value} list members with
 * optional {@code ;property} parts; keys are tokens (RFC 7230), values are {@code baggage-octet}s or
 * percent-encodings; at most 180 list members and 8192 bytes, the limits the specification says a
 * platform must at least accept and OpenTelemetry Java enforces.
 */
public final class BaggageHeader {

  static final int MAX_MEMBERS = 180;
  static final int MAX_BYTES = 8192;
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

  private BaggageHeader() {}

  /** Why the header value is not valid baggage, or null when it is. */
  public static String problem(String header) {
    if (header == null) {
      return null;
    }
    if (header.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return "the header is larger than " + MAX_BYTES + " bytes";
    }
    String[] members = header.split(",", -1);
    if (members.length > MAX_MEMBERS) {
      return members.length + " list members; at most " + MAX_MEMBERS + " are allowed";
    }
    for (String raw : members) {
      String member = raw.strip();
      if (member.isEmpty()) {
        return "an empty list member";
      }
      String[] parts = member.split(";", -1);
      String pair = parts[0].strip();
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        return "list member '" + member + "' is not key=value";
      }
      String key = pair.substring(0, equals).strip();
      String value = pair.substring(equals + 1).strip();
      if (!TOKEN.matcher(key).matches()) {
        return "key '" + key + "' is not a token";
      }
      if (!validValue(value)) {
        return "value of key '" + key + "' has characters that must be percent-encoded";
      }
      for (int i = 1; i < parts.length; i++) {
        String property = parts[i].strip();
        int propertyEquals = property.indexOf('=');
        String propertyKey = propertyEquals < 0 ? property : property.substring(0, propertyEquals).strip();
        if (!TOKEN.matcher(propertyKey).matches()) {
          return "property '" + property + "' of key '" + key + "' is not a token or token=value";
        }
      }
    }
    return null;
  }

  /**
   * baggage-octet is %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E; a {@code %} must start a
   * percent-encoding. A loop, not a regex: a repeated alternation recurses per character in Java's
   * engine, and an 8 KiB value would overflow the stack.
   */
  private static boolean validValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= value.length() || !isHex(value.charAt(i + 1)) || !isHex(value.charAt(i + 2))) {
          return false;
        }
        i += 2;
      } else if (c < 0x21 || c > 0x7e || c == '"' || c == ',' || c == ';' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
