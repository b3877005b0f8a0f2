package io.github.tracecheck.otlp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * OTLP JSON or the Collector's {@code format: proto} frames, told apart by one rule: the file name's
 * extension when it is a known one ({@code .json}, {@code .jsonl}, {@code .ndjson}: JSON; {@code .pb},
 * {@code .binpb}, {@code .protobuf}: protobuf), otherwise (other names, standard input) the first
 * byte: {@code {}, {@code [}, white space or a byte-order mark starts JSON, anything else a
 * protobuf length prefix. A length prefix starts with such a byte only for a message of 150 MB or
 * more; JSON in UTF-16 or UTF-32 without a byte-order mark needs a {@code .json} name.
 */
enum OtlpInputFormat {
  JSON,
  PROTO;

  /** The format of the input named {@code name}, whose first byte is peeked at in {@code in} without consuming it. */
  static OtlpInputFormat of(String name, BufferedInputStream in) throws IOException {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return JSON;
    }
    if (lower.endsWith(".pb") || lower.endsWith(".binpb") || lower.endsWith(".protobuf")) {
      return PROTO;
    }
    in.mark(1);
    int first = in.read();
    in.reset();
    return first == -1 || startsJson(first) ? JSON : PROTO;
  }

  private static boolean startsJson(int first) {
    return switch (first) {
      // {, [, the JSON white space, and the first byte of the UTF-8, UTF-16 and UTF-32 byte-order marks
      case '{', '[', ' ', '\t', '\n', '\r', 0xEF, 0xFE, 0xFF -> true;
      default -> false;
    };
  }
}
