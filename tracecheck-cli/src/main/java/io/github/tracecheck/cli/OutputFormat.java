package io.github.tracecheck.cli;

import java.util.Locale;

/** How the findings are printed on standard output. */
enum OutputFormat {
  /** For people: each finding with its trees drawn. */
  TEXT,
  /** For scripts: one JSON document. */
  JSON,
  /** For code scanning (GitHub and others): SARIF 2.1.0. */
  SARIF;

  static OutputFormat parse(String text) throws CliArguments.UsageException {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CliArguments.UsageException("--format " + text + ": not text, json or sarif");
    }
  }
}
