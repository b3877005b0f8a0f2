package io.github.tracecheck.junit;

import io.github.tracecheck.capture.CapturedMetrics;
import io.github.tracecheck.capture.SpanCapture;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.render.TraceTreeRenderer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The spans captured during the current test, handed to test methods by {@link TraceCheck}.
 *
 * <pre>{@code
 * @Test
 * void checkout(CapturedTraces traces) {
 *   client.post("/checkout");
 *   TraceForest forest = traces.awaitSpan("orders process");
 *   assertThat(forest).singleTrace().hasPath("POST /checkout", "orders publish", "orders process");
 * }
 * }</pre>
 *
 * <p>Waiting never sleeps: the capture signals every span start and end, and the await methods
 * re-check their condition on each signal until it holds or the timeout runs out. A timeout fails
 * with what was still missing, the spans still open and the tree captured so far.
 */
public final class CapturedTraces {

  /** Stands for "the test running on the calling thread", for handles made before the test ran. */
  static final Object CURRENT_TEST = new Object();

  private final SpanCapture capture;
  private final Object boundTest;
  private final ServiceTelemetry services;
  private final Duration defaultTimeout;

  /**
   * @param test the test whose spans this shows (see {@link SpanCapture#beginTest}), or {@link
   *     #CURRENT_TEST}
   */
  CapturedTraces(SpanCapture capture, Object test, ServiceTelemetry services, Duration defaultTimeout) {
    this.capture = capture;
    this.boundTest = test;
    this.services = services;
    this.defaultTimeout = defaultTimeout;
  }

  /** The traces ended so far in this test. Spans still open are not in it (see {@link #openSpans()}). */
  public TraceForest snapshot() {
    return capture.snapshot(test());
  }

  /** The spans ended so far in this test, in the order they ended. */
  public List<SpanData> spans() {
    return capture.endedSpans(test());
  }

  /** The spans started in this test that have not ended yet. */
  public List<SpanStart> openSpans() {
    return capture.openSpans(test());
  }

  /**
   * An {@link OpenTelemetry} for one service of a multi-service test: its spans carry this {@code
   * service.name} and are captured here like all others. The instance is shut down with the test
   * class.
   */
  public OpenTelemetry openTelemetryFor(String serviceName) {
    return services.forService(serviceName);
  }

  /**
   * The metrics recorded so far by the class's SDKs (cumulative since the class started), with
   * their exemplars: a measurement made while a span was current keeps that span as an exemplar.
   * Each call collects, and the SDK samples exemplars afresh after each collection: the exemplars
   * are those of the measurements since the previous call. Take the metrics once, then assert.
   */
  public CapturedMetrics metrics() {
    return services.metrics();
  }

  /** The timeout the await methods use unless given one ({@code tracecheck.await.timeout}). */
  public Duration defaultTimeout() {
    return defaultTimeout;
  }

  /**
   * Waits until the captured traces satisfy the condition.
   *
   * @param description what is awaited, for the timeout message, e.g. "the consumer span"
   * @return the snapshot that satisfied the condition
   * @throws AssertionError when the default timeout runs out first
   */
  public TraceForest awaitUntil(String description, Predicate<TraceForest> condition) {
    return awaitUntil(description, condition, defaultTimeout);
  }

  /** Like {@link #awaitUntil(String, Predicate)}, with its own timeout. */
  public TraceForest awaitUntil(String description, Predicate<TraceForest> condition, Duration timeout) {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(condition, "condition");
    TraceForest[] last = new TraceForest[1];
    try {
      if (capture.await(() -> condition.test(last[0] = snapshot()), timeout)) {
        return last[0];
      }
      throw timedOut(description, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for " + description, e);
    }
  }

  /** Waits until a span with this name has ended. */
  public TraceForest awaitSpan(String name) {
    return awaitUntil("a span named \"" + name + "\"", f -> hasSpanNamed(f, name));
  }

  /** Waits until at least {@code count} spans have ended. */
  public TraceForest awaitSpanCount(int count) {
    return awaitUntil("at least " + count + " ended spans", f -> f.spanCount() >= count);
  }

  /** Waits until every span started in this test has ended. */
  public TraceForest awaitAllEnded() {
    return awaitAllEnded(defaultTimeout);
  }

  /** Waits, at most {@code timeout}, until every span started in this test has ended. */
  public TraceForest awaitAllEnded(Duration timeout) {
    // The snapshot is taken before the count is read: it must show no open span itself, or a span
    // ending in between would leave the returned forest with a span "still open".
    return awaitUntil(
        "every started span to end", f -> f.openSpans().isEmpty() && capture.openSpanCount(test()) == 0, timeout);
  }

  /** Forgets what was captured so far in this test, e.g. the spans of a warm-up call. */
  public void reset() {
    capture.reset(test());
  }

  private Object test() {
    return boundTest == CURRENT_TEST ? capture.testOfCurrentThread() : boundTest;
  }

  private AssertionError timedOut(String description, Duration timeout) {
    StringBuilder message = new StringBuilder();
    message.append("Timed out after ").append(timeout.toMillis()).append(" ms waiting for ")
        .append(description).append('.');
    List<SpanStart> open = capture.openSpans(test());
    if (open.isEmpty()) {
      message.append("\nNo span is still open.");
    } else {
      message.append("\nStill open (started, never ended): ").append(open.size())
          .append(open.size() == 1 ? " span" : " spans");
      for (SpanStart span : open) {
        message.append("\n  ").append(Masking.redact(span.toString()));
      }
    }
    message.append("\nCaptured so far:\n")
        .append(TraceTreeRenderer.create().render(snapshot(), List.<SpanNode>of()));
    return new AssertionError(message.toString());
  }

  private static boolean hasSpanNamed(TraceForest forest, String name) {
    for (var trace : forest.traces()) {
      if (!trace.spansNamed(name).isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
