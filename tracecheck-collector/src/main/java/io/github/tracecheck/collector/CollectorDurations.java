package io.github.tracecheck.collector;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the Collector's configuration writes them, in Go's syntax: {@code 10s}, {@code 1m30s}, {@code 500ms}. */
final class CollectorDurations {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

  private CollectorDurations() {}

  static Duration parse(ConfigNode node, Duration fallback) {
    if (!node.isPresent()) {
      return fallback;
    }
    String text = node.string().trim();
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    Matcher part = PART.matcher(text);
    double nanos = 0;
    int at = 0;
    while (at < text.length() && part.find(at) && part.start() == at) {
      nanos += Double.parseDouble(part.group(1)) * unitNanos(part.group(2));
      at = part.end();
    }
    if (at == 0 || at != text.length()) {
      throw node.error("\"" + text + "\" is not a duration (Go's syntax: 500ms, 10s, 1m30s)");
    }
    return Duration.ofNanos((long) nanos);
  }

  private static double unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1;
      case "us", "µs" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      default -> 3600e9;
    };
  }
}
