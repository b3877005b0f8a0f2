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

  /**
   * Whether what this detector finds is a credential (a token, a password, a key) rather than
   * personal data: findings then say that it must never be recorded, rather than dropped or hashed.
   */
  default boolean isCredential() {
    return false;
  }

  /**
   * The form of a found value that may be printed in findings and logs. The default keeps the first
   * two characters of values longer than four, e.g. {@code s3***}, and prints shorter ones as {@code
   * ***}; detectors whose values have a recognisable shape (emails, cards) keep more of it.
   */
  default String mask(String value) {
    return Masking.generic(value);
  }
}
