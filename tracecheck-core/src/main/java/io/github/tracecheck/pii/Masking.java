package io.github.tracecheck.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Masks detected values, so that the tool that finds a leak does not leak it again into CI logs:
 * {@code john.doe@example.com} prints as {@code j***@e***.com}, a card as {@code 4111 **** ****
 * 1111}, anything else as its first two characters and {@code ***}.
 */
public final class Masking {

  private Masking() {}

  /** The masked form of a value a detector found. */
  public static String mask(String detector, String value) {
    switch (detector) {
      case "email":
        return maskEmail(value);
      case "card-number":
        String digits = value.replaceAll("\\D", "");
        return digits.substring(0, 4) + " **** **** " + digits.substring(digits.length() - 4);
      case "us-ssn":
        return "***-**-****";
      case "private-key":
        return "-----BEGIN *** PRIVATE KEY-----";
      default:
        return value.length() <= 4 ? "***" : value.substring(0, 2) + "***";
    }
  }

  private static String maskEmail(String value) {
    int at = value.indexOf('@');
    String domain = value.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    return value.charAt(0) + "***@" + domain.charAt(0) + "***" + domain.substring(dot);
  }

  /** The text with every value the default detectors find masked. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    List<PiiMatch> matches = matches(text);
    if (matches.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (PiiMatch match : matches) {
      out.append(text, at, match.start()).append(mask(match.detector(), text.substring(match.start(), match.end())));
      at = match.end();
    }
    return out.append(text.substring(at)).toString();
  }

  /** Non-overlapping matches of the default detectors, left to right; of overlapping ones the longest wins. */
  private static List<PiiMatch> matches(String text) {
    List<PiiMatch> all = new ArrayList<>();
    for (PiiDetector detector : Detectors.defaults()) {
      all.addAll(detector.find(text));
    }
    all.sort(Comparator.comparingInt(PiiMatch::start).thenComparing(m -> -(m.end() - m.start())));
    List<PiiMatch> kept = new ArrayList<>();
    for (PiiMatch match : all) {
      if (kept.isEmpty() || !kept.get(kept.size() - 1).overlaps(match)) {
        kept.add(match);
      }
    }
    return kept;
  }
}
