package io.github.tracecheck.collector;

/**
 * The spans a rate-limited policy has let through in the current second; it starts again at zero
 * each new second, as the Collector's {@code rate_limiting} and {@code composite} policies count.
 */
final class SpansPerSecondBudget {

  private long second = Long.MIN_VALUE;
  private long spent;

  /** The spans spent in {@code decisionSecond} if {@code spans} more were let through. */
  long ifTaken(long decisionSecond, long spans) {
    if (decisionSecond != second) {
      second = decisionSecond;
      spent = 0;
    }
    return spent + spans;
  }

  void take(long total) {
    spent = total;
  }
}
