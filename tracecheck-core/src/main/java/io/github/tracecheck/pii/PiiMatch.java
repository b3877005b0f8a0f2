package io.github.tracecheck.pii;

/** Where a detector found a value in a text: the range and the detector's name. */
public final class PiiMatch {

  private final String detector;
  private final int start;
  private final int end;

  public PiiMatch(String detector, int start, int end) {
    this.detector = detector;
    this.start = start;
    this.end = end;
  }

  public String detector() {
    return detector;
  }

  /** Index of the first character of the value. */
  public int start() {
    return start;
  }

  /** Index after the last character of the value. */
  public int end() {
    return end;
  }

  boolean overlaps(PiiMatch other) {
    return start < other.end && other.start < end;
  }
}
