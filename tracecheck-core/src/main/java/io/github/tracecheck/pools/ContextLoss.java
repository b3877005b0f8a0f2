package io.github.tracecheck.pools;

import io.github.tracecheck.pii.Masking;
import io.opentelemetry.api.trace.SpanContext;

/** A task that was submitted while a span was current but ran without that span's context. */
public final class ContextLoss {

  private final SpanContext submitterSpan;
  private final String submitThread;
  private final String runThread;
  private final String submitSite;
  private final SpanContext runningSpan;

  ContextLoss(SpanContext submitterSpan, String submitThread, String runThread, String submitSite, SpanContext runningSpan) {
    this.submitterSpan = submitterSpan;
    this.submitThread = submitThread;
    this.runThread = runThread;
    this.submitSite = submitSite;
    this.runningSpan = runningSpan;
  }

  /** The span that was current when the task was submitted. */
  public SpanContext submitterSpan() {
    return submitterSpan;
  }

  public String submitThread() {
    return submitThread;
  }

  public String runThread() {
    return runThread;
  }

  /** The code that submitted the task: the first frame outside the probe, the JDK and OpenTelemetry. */
  public String submitSite() {
    return submitSite;
  }

  /** The span current while the task ran: invalid when none was. */
  public SpanContext runningSpan() {
    return runningSpan;
  }

  @Override
  public String toString() {
    String running = runningSpan.isValid() ? "span " + runningSpan.getSpanId() : "no span";
    return "task submitted at " + Masking.redact(submitSite) + " on thread \"" + submitThread + "\" while span "
        + submitterSpan.getSpanId() + " (trace " + submitterSpan.getTraceId() + ") was current, ran on thread \""
        + runThread + "\" with " + running + " current";
  }
}
