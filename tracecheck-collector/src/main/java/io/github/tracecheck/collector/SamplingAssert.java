package io.github.tracecheck.collector;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.pii.Masking;
import io.opentelemetry.api.trace.StatusCode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a simulated {@code tail_sampling} processor keeps:
 *
 * <pre>{@code
 * assertThat(collector.sample(traces.snapshot()))
 *     .keepsEveryTraceWith(StatusCode.ERROR)
 *     .keepsTracesSlowerThan(Duration.ofMillis(500))
 *     .keepsAbout(0.05).ofTracesMatching("healthy", trace -> !hasError(trace));
 * }</pre>
 *
 * Failures list each trace that broke the expectation with the policy that decided it.
 */
public final class SamplingAssert extends AbstractAssert<SamplingAssert, SamplingResult> {

  /** How many standard deviations of the binomial count {@link #keepsAbout(double)} tolerates. */
  public static final double TOLERATED_DEVIATIONS = 4;

  SamplingAssert(SamplingResult actual) {
    super(actual, SamplingAssert.class);
  }

  /** Every trace with a span of the status is kept (e.g. every trace with an error). */
  public SamplingAssert keepsEveryTraceWith(StatusCode status) {
    return keepsEveryTraceMatching("with a span of status " + status, trace -> hasSpanWith(trace, status));
  }

  /** Every trace longer than the duration (from its first start to its last end) is kept. */
  public SamplingAssert keepsTracesSlowerThan(Duration duration) {
    return keepsEveryTraceMatching("slower than " + duration.toMillis() + " ms",
        trace -> durationOf(trace).compareTo(duration) > 0);
  }

  /** Every trace matching the predicate is kept. */
  public SamplingAssert keepsEveryTraceMatching(String description, Predicate<Trace> which) {
    isNotNull();
    List<TraceDecision> dropped = matching(which).stream().filter(d -> !d.kept()).toList();
    if (!dropped.isEmpty()) {
      failWithMessage("%s", Masking.redact("Expecting " + actual.processorId() + " to keep every trace "
          + description + "\nbut it would drop " + dropped.size() + " of " + matching(which).size() + ":\n"
          + list(dropped)));
    }
    return this;
  }

  /** Every trace matching the predicate is dropped (e.g. health checks). */
  public SamplingAssert dropsEveryTraceMatching(String description, Predicate<Trace> which) {
    isNotNull();
    List<TraceDecision> kept = matching(which).stream().filter(TraceDecision::kept).toList();
    if (!kept.isEmpty()) {
      failWithMessage("%s", Masking.redact("Expecting " + actual.processorId() + " to drop every trace "
          + description + "\nbut it would keep " + kept.size() + " of " + matching(which).size() + ":\n"
          + list(kept)));
    }
    return this;
  }

  /** Every trace matching the predicate is kept, and the named policy decided it. */
  public SamplingAssert keepsByPolicy(String policy, String description, Predicate<Trace> which) {
    isNotNull();
    List<TraceDecision> others =
        matching(which).stream().filter(d -> !d.kept() || !policy.equals(d.policy())).toList();
    if (!others.isEmpty()) {
      failWithMessage("%s", Masking.redact("Expecting every trace " + description + " to be kept by policy \""
          + policy + "\" of " + actual.processorId() + "\nbut:\n" + list(others)));
    }
    return this;
  }

  /**
   * The share of traces kept among those chosen next, e.g. {@code keepsAbout(0.05)} for a 5%
   * probabilistic policy. The count kept must lie within {@value #TOLERATED_DEVIATIONS} standard
   * deviations of the binomial count; the population must be large enough for that to mean
   * something (at least 10 expected kept and 10 expected dropped), else the assertion fails saying
   * how many traces to generate. Over random trace ids a correct sampler fails it about once in
   * 15,000 populations; trace ids from a fixed seed make the count the same on every run.
   */
  public KeptShare keepsAbout(double fraction) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("the fraction must be between 0 and 1 (exclusive), was " + fraction);
    }
    return new KeptShare(fraction);
  }

  /** The second half of {@link #keepsAbout(double)}: which traces the share is of. */
  public final class KeptShare {
    private final double fraction;

    private KeptShare(double fraction) {
      this.fraction = fraction;
    }

    public SamplingAssert ofTracesMatching(Predicate<Trace> which) {
      return ofTracesMatching("matching", which);
    }

    public SamplingAssert ofTracesMatching(String description, Predicate<Trace> which) {
      isNotNull();
      List<TraceDecision> population = matching(which);
      int n = population.size();
      double expected = n * fraction;
      long needed = (long) Math.ceil(10 / Math.min(fraction, 1 - fraction));
      if (expected < 10 || n - expected < 10) {
        failWithMessage("Expecting about %s of the traces %s to be kept by %s, but there are only %d such traces:"
            + " generate at least %d for the share to be measurable", percent(fraction), description,
            actual.processorId(), n, needed);
      }
      long kept = population.stream().filter(TraceDecision::kept).count();
      double tolerance = TOLERATED_DEVIATIONS * Math.sqrt(n * fraction * (1 - fraction));
      if (Math.abs(kept - expected) > tolerance) {
        failWithMessage("Expecting about %s of the %d traces %s to be kept by %s (%.0f ± %.0f)%nbut it kept %d (%s)",
            percent(fraction), n, description, actual.processorId(), expected, tolerance, kept,
            percent((double) kept / n));
      }
      return SamplingAssert.this;
    }
  }

  private List<TraceDecision> matching(Predicate<Trace> which) {
    return actual.decisions().stream().filter(d -> which.test(d.trace())).toList();
  }

  private static String list(List<TraceDecision> decisions) {
    return decisions.stream().limit(20).map(d -> "  " + d).collect(Collectors.joining("\n"))
        + (decisions.size() > 20 ? "\n  ... and " + (decisions.size() - 20) + " more" : "");
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  static boolean hasSpanWith(Trace trace, StatusCode status) {
    for (SpanNode span : trace.spans()) {
      if (span.data().getStatus().getStatusCode() == status) {
        return true;
      }
    }
    return false;
  }

  /** From the earliest start to the latest end of the trace's spans. */
  static Duration durationOf(Trace trace) {
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (SpanNode span : trace.spans()) {
      start = Math.min(start, span.startEpochNanos());
      end = Math.max(end, span.endEpochNanos());
    }
    return trace.spans().isEmpty() ? Duration.ZERO : Duration.ofNanos(end - start);
  }
}
