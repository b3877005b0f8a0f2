package io.github.tracecheck.pii;

import java.util.List;

/**
 * Finds one kind of personal data or secret in text. Detectors are tuned for very few false
 * positives on what instrumentation really records: ids, UUIDs, timestamps, hosts, URLs, SQL.
 */
public interface PiiDetector {

  /** The name used in settings, allow-lists and findings, e.g. {@code email}. */
  String name();

  /** What the detector finds, for messages, e.g. "an email address". */
  String description();

  /** Every value found in the text; empty when there is none. */
  List<PiiMatch> find(String text);

  /**
   * Whether every value under this attribute key is sensitive whatever it looks like, e.g. an
   * {@code Authorization} header. Most detectors judge values only.
   */
  default boolean flagsKey(String attributeKey) {
    return false;
  }
}
