package io.github.tracecheck.assertj;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.render.SpanLabel;
import io.github.tracecheck.render.TraceTreeRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a worker-pool hop: the spans of a task (by name) are children of the span that
 * submitted the work, and ran on another thread than it. Threads come from the capture's record of
 * span starts.
 *
 * <pre>{@code
 * PoolHopAssert.assertThatPoolHop(traces.snapshot(), "process order").isChildOf("POST /checkout").ranOnAnotherThread();
 * }</pre>
 */
public class PoolHopAssert extends AbstractAssert<PoolHopAssert, TraceForest> {

  private final String taskSpanName;

  public PoolHopAssert(TraceForest actual, String taskSpanName) {
    super(actual, PoolHopAssert.class);
    this.taskSpanName = taskSpanName;
  }

  public static PoolHopAssert assertThatPoolHop(TraceForest forest, String taskSpanName) {
    return new PoolHopAssert(forest, taskSpanName);
  }

  /** Every task span has the submitting span (by name) as its parent. */
  public PoolHopAssert isChildOf(String submitterName) {
    List<SpanNode> broken = new ArrayList<>();
    for (SpanNode task : tasks()) {
      if (!task.parent().map(p -> p.name().equals(submitterName)).orElse(false)) {
        broken.add(task);
      }
    }
    if (!broken.isEmpty()) {
      fail("every task span a child of \"" + submitterName + "\"",
          broken.size() + " task span(s) that are not (marked); the first one's parent: "
              + broken.get(0).parent().map(SpanLabel::of).orElse("none, it is a root"), broken);
    }
    return myself;
  }

  /** Every task span started on another thread than its parent: the work really crossed to a pool. */
  public PoolHopAssert ranOnAnotherThread() {
    List<SpanNode> same = new ArrayList<>();
    for (SpanNode task : tasks()) {
      Optional<String> thread = actual.startOf(task).map(SpanStart::threadName);
      Optional<String> parentThread = task.parent().flatMap(actual::startOf).map(SpanStart::threadName);
      if (thread.isEmpty() || parentThread.isEmpty() || thread.get().equals(parentThread.get())) {
        same.add(task);
      }
    }
    if (!same.isEmpty()) {
      fail("every task span started on another thread than its parent",
          same.size() + " task span(s) on the same thread, or with threads unknown (marked)", same);
    }
    return myself;
  }

  private List<SpanNode> tasks() {
    isNotNull();
    List<SpanNode> tasks = new ArrayList<>();
    for (SpanNode span : actual.spans()) {
      if (span.name().equals(taskSpanName)) {
        tasks.add(span);
      }
    }
    if (tasks.isEmpty()) {
      fail("task spans named \"" + taskSpanName + "\"", "none", List.of());
    }
    return tasks;
  }

  private void fail(String expected, String found, List<SpanNode> marked) {
    failWithMessage("%nExpecting the worker-pool hop of \"%s\" to have:%n  %s%nbut found:%n  %s%n%s",
        taskSpanName, expected, found, TraceTreeRenderer.create().render(actual, marked));
  }
}
