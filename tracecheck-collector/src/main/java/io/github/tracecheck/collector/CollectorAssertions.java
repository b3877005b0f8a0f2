package io.github.tracecheck.collector;

/**
 * The entry point for assertions on the Collector's simulated processors; import it statically
 * next to {@code TraceCheckAssertions.assertThat} (the overloads do not clash).
 */
public final class CollectorAssertions {

  private CollectorAssertions() {}

  /** Assertions on what a {@code tail_sampling} processor keeps. */
  public static SamplingAssert assertThat(SamplingResult actual) {
    return new SamplingAssert(actual);
  }
}
