package io.github.tracecheck.w3c;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a W3C {@code tracestate} header: at most 32 list members, each {@code key=value}; keys
 * are lowercase {@code simple-key} (up to 256 characters, starting with a letter) or {@code
 * tenant@system} multi-tenant keys; values are up to 256 printable ASCII characters other than
 * {@code ,} and {@code =}, not ending in a space; no key twice. Empty members (from {@code ,,} or
 * surrounding spaces and tabs) are allowed.
 */
public final class Tracestate {

  static final int MAX_MEMBERS = 32;
  private static final Pattern SIMPLE_KEY = Pattern.compile("[a-z][a-z0-9_\\-*/]{0,255}");
  private static final Pattern MULTI_TENANT_KEY =
      Pattern.compile("[a-z0-9][a-z0-9_\\-*/]{0,240}@[a-z][a-z0-9_\\-*/]{0,13}");
  private static final Pattern VALUE = Pattern.compile("[\\x20-\\x2b\\x2d-\\x3c\\x3e-\\x7e]{0,255}[\\x21-\\x2b\\x2d-\\x3c\\x3e-\\x7e]");

  private Tracestate() {}

  /** Why the header value is not a valid tracestate, or null when it is. */
  public static String problem(String header) {
    if (header == null) {
      return null; // tracestate is optional
    }
    Set<String> keys = new HashSet<>();
    int members = 0;
    for (String raw : header.split(",", -1)) {
      String member = raw.replaceAll("^[ \\t]+|[ \\t]+$", "");
      if (member.isEmpty()) {
        continue;
      }
      members++;
      int equals = member.indexOf('=');
      if (equals <= 0) {
        return "list member '" + member + "' is not key=value";
      }
      String key = member.substring(0, equals);
      String value = member.substring(equals + 1);
      if (!SIMPLE_KEY.matcher(key).matches() && !MULTI_TENANT_KEY.matcher(key).matches()) {
        return "key '" + key + "' is not a lowercase simple key or tenant@system key";
      }
      if (!VALUE.matcher(value).matches()) {
        return "value of key '" + key + "' is empty, too long, or has characters outside printable ASCII"
            + " (or ',' '=' or a trailing space)";
      }
      if (!keys.add(key)) {
        return "key '" + key + "' appears more than once";
      }
    }
    if (members > MAX_MEMBERS) {
      return members + " list members; at most " + MAX_MEMBERS + " are allowed";
    }
    return null;
  }
}
