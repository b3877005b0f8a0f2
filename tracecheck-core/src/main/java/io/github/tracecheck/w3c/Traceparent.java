package io.github.tracecheck.w3c;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed W3C {@code traceparent} header (Trace Context, level 1): {@code
 * version-traceid-parentid-flags}, lowercase hex, ids not all zero, version {@code ff} invalid;
 * a future version may carry more fields after the flags.
 */
public final class Traceparent {

  private static final Pattern VERSION_00 = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
  private static final Pattern FUTURE =
      Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");

  private final String version;
  private final String traceId;
  private final String parentId;
  private final int flags;

  private Traceparent(String version, String traceId, String parentId, int flags) {
    this.version = version;
    this.traceId = traceId;
    this.parentId = parentId;
    this.flags = flags;
  }

  /** Parses a header value; empty with no reason given when it is invalid (see {@link #problem}). */
  public static Optional<Traceparent> parse(String value) {
    return problem(value) == null ? Optional.of(build(value)) : Optional.empty();
  }

  /** Why a header value is not a valid traceparent, or null when it is. */
  public static String problem(String value) {
    if (value == null) {
      return "no traceparent header";
    }
    Matcher v00 = VERSION_00.matcher(value);
    Matcher future = FUTURE.matcher(value);
    if (!v00.matches()) {
      if (!future.matches() || future.group(1).equals("00")) {
        return "'" + value + "' is not version-traceid-parentid-flags in lowercase hex (00-<32 hex>-<16 hex>-<2 hex>)";
      }
      if (future.group(1).equals("ff")) {
        return "'" + value + "' has version ff, which is invalid";
      }
      if (future.group(5) != null && !future.group(5).startsWith("-")) {
        return "'" + value + "' has a malformed field after the flags";
      }
    }
    String traceId = v00.matches() ? v00.group(1) : future.group(2);
    String parentId = v00.matches() ? v00.group(2) : future.group(3);
    if (traceId.chars().allMatch(c -> c == '0')) {
      return "'" + value + "' has an all-zero trace id";
    }
    if (parentId.chars().allMatch(c -> c == '0')) {
      return "'" + value + "' has an all-zero parent id";
    }
    return null;
  }

  private static Traceparent build(String value) {
    String[] parts = value.split("-");
    return new Traceparent(parts[0], parts[1], parts[2], Integer.parseInt(parts[3], 16));
  }

  public String version() {
    return version;
  }

  public String traceId() {
    return traceId;
  }

  /** The span id of the caller's span: the parent of the span that continues the trace. */
  public String parentId() {
    return parentId;
  }

  public boolean sampled() {
    return (flags & 1) == 1;
  }

  @Override
  public String toString() {
    return version + "-" + traceId + "-" + parentId + "-" + String.format("%02x", flags);
  }
}
