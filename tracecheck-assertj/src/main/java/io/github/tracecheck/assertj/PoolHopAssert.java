package io.github.tracecheck.assertj;

import static java.util.Objects.requireNonNull;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.semconv.ThreadAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Assertions on a worker-pool hop: the spans of a task (by name) are children of the span that
 * submitted the work, and ran on another thread than it. The checks every hop shares are in {@link
 * AbstractHopAssert}; the submitting side is the spans named by {@link #isChildOf(String)}, and until
 * then every span that is not a task span.
 *
 * <pre>{@code
 * assertThatPoolHop(traces.snapshot(), "process order").isChildOf("POST /checkout").ranOnAnotherThread();
 * }</pre>
 *
 * <p>A thread is the one the capture saw the span start on, or else the span's {@code thread.name}
 * (as the OpenTelemetry Java agent records it, for spans read from files). A pool hop stays in one
 * process: its task spans continue a local context, so {@link #isRemoteChildOfSender()} fails for
 * them by design.
 */
public class PoolHopAssert extends AbstractHopAssert<PoolHopAssert> {

  private final String taskSpanName;
  private String submitterName;

  public PoolHopAssert(TraceForest actual, String taskSpanName) {
    super(actual, PoolHopAssert.class);
    this.taskSpanName = taskSpanName;
  }

  /** The same as {@link TraceCheckAssertions#assertThatPoolHop(TraceForest, String)}. */
  public static PoolHopAssert assertThatPoolHop(TraceForest forest, String taskSpanName) {
    return new PoolHopAssert(forest, taskSpanName);
  }

  /**
   * Every task span has a span of this name as its parent. This and later checks take the spans of
   * this name as the submitting side.
   */
  public PoolHopAssert isChildOf(String submitterName) {
    this.submitterName = requireNonNull(submitterName, "the submitting span's name should not be null");
    return childOfSender(false);
  }

  /** Every task span started on another thread than its parent: the work really crossed to a pool. */
  public PoolHopAssert ranOnAnotherThread() {
    exists();
    List<Fault> faults = new ArrayList<>();
    for (SpanNode task : receivers()) {
      String thread = thread(task);
      String parentThread = task.parent().map(this::thread).orElse(null);
      if (thread == null || parentThread == null) {
        faults.add(new Fault(task, task.isRoot() ? "it has no parent to compare with" : "its thread or its parent's is unknown"));
      } else if (thread.equals(parentThread)) {
        faults.add(new Fault(task, "it started on thread \"" + thread + "\", as its parent did"));
      }
    }
    return failIfAny(faults, "every task span started on another thread than its parent", List.of());
  }

  private String thread(SpanNode span) {
    return actual.startOf(span).map(SpanStart::threadName).orElseGet(() -> ThreadAttributes.threadName(span));
  }

  @Override
  protected String hop() {
    return "the worker-pool hop of \"" + taskSpanName + "\"";
  }

  @Override
  protected List<SpanNode> senders() {
    return spansWhere(s -> submitterName == null ? !s.name().equals(taskSpanName) : s.name().equals(submitterName));
  }

  @Override
  protected List<SpanNode> receivers() {
    return spansWhere(s -> s.name().equals(taskSpanName));
  }

  @Override
  protected String senderName() {
    return submitterName == null ? "non-task" : "\"" + submitterName + "\"";
  }

  @Override
  protected String receiverName() {
    return "task";
  }

  @Override
  protected String protocolAttributes() {
    return "the thread every task span started on (from the capture, or thread.name)";
  }

  @Override
  protected List<String> missingProtocolAttributes(SpanNode span) {
    return thread(span) == null ? List.of("a known thread") : List.of();
  }

  /** Only the task spans: the submitting side may be any span. */
  @Override
  protected List<SpanNode> attributedSpans() {
    return receivers();
  }
}
