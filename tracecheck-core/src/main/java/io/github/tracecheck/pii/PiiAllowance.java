package io.github.tracecheck.pii;

import io.github.tracecheck.internal.Glob;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An allowed occurrence of detected data, with the reason: e.g. the {@code email} detector on
 * attribute {@code enduser.id} of span {@code POST /login} because test users have synthetic emails.
 * Detector, attribute key and span name each match everything when {@code *}; {@code *} inside a
 * key or name matches any characters.
 */
public final class PiiAllowance {

  private final String detector;
  private final Pattern attributeKey;
  private final Pattern spanName;
  private final String reason;

  private PiiAllowance(String detector, Pattern attributeKey, Pattern spanName, String reason) {
    this.detector = detector;
    this.attributeKey = attributeKey;
    this.spanName = spanName;
    this.reason = reason;
  }

  /**
   * @param detector a detector name or {@code *}
   * @param attributeKey an attribute key (glob) or {@code *}
   * @param spanName a span name (glob) or {@code *}
   * @param reason why it is allowed; must not be blank
   */
  public static PiiAllowance of(String detector, String attributeKey, String spanName, String reason) {
    Objects.requireNonNull(detector, "detector");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a PII allowance must give a reason");
    }
    if (detector.equals("*") && attributeKey.equals("*") && spanName.equals("*")) {
      throw new IllegalArgumentException(
          "a PII allowance must name a detector, an attribute key or a span; to turn PII detection off, turn"
              + " the rule off");
    }
    return new PiiAllowance(detector, Glob.compile(attributeKey), Glob.compile(spanName), reason.strip());
  }

  /** Whether this allowance covers a detection. */
  public boolean allows(String detectorName, String key, String span) {
    return (detector.equals("*") || detector.equals(detectorName))
        && attributeKey.matcher(key == null ? "" : key).matches()
        && spanName.matcher(span).matches();
  }

  public String reason() {
    return reason;
  }
}
