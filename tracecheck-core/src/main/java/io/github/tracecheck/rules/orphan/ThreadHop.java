package io.github.tracecheck.rules.orphan;

import static io.github.tracecheck.rules.internal.SpanDescriptions.describe;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.semconv.ThreadAttributes;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The thread hop: any root other than a CONSUMER or SERVER is an orphan when it started on one
 * thread while a span was open on another thread (or, failing that, after one had run there): work
 * handed to a pool without the submitter's context. Kept apart from the other hops because it
 * matches spans by thread, including spans the capture saw start but never end.
 */
final class ThreadHop {

  private final TraceForest forest;
  private final SpansByStart allSpans;

  /**
   * The SDK times each trace on a clock anchored when its root started, so two traces' times can
   * disagree by the drift between the wall clock and the monotonic clock: an end this close before a
   * start is read as "still open" rather than "ended".
   */
  private static final long CROSS_TRACE_SKEW_NANOS = 1_000_000;

  ThreadHop(TraceForest forest, SpansByStart allSpans) {
    this.forest = forest;
    this.allSpans = allSpans;
  }

  /** The finding when this root lost the context of work on another thread; empty when it did not. */
  Optional<Finding> orphan(SpanNode root) {
    String thread = threadOf(root);
    if (thread == null) {
      return Optional.empty();
    }
    long start = root.data().getStartEpochNanos();
    SpanNode openSpan = spanOnAnotherThread(root, thread);
    SpanStart stillOpen = latestStillOpenOnAnotherThread(thread, start);
    boolean openWins =
        stillOpen != null
            && (openSpan == null || stillOpen.startEpochNanos() > openSpan.data().getStartEpochNanos());
    String submitter;
    String submitterThread;
    List<SpanNode> related;
    if (openWins) {
      submitter = "\"" + stillOpen.name() + "\" (still open)";
      submitterThread = stillOpen.threadName();
      related = List.of();
    } else if (openSpan != null) {
      submitter = describe(openSpan) + " in trace " + openSpan.traceId();
      submitterThread = threadOf(openSpan);
      related = List.of(openSpan);
    } else {
      return Optional.empty();
    }
    boolean wasOpen = openWins || openSpan.data().getEndEpochNanos() + CROSS_TRACE_SKEW_NANOS >= start;
    return Optional.of(Finding.about(
        OrphanedRootRule.NAME,
        root,
        related,
        "span " + describe(root) + " started a new trace on thread \"" + thread + "\" "
            + (wasOpen ? "while span " : "after span ") + submitter
            + (wasOpen ? " was open" : " had run (and ended)") + " on thread \"" + submitterThread + "\"",
        "the task ran without the submitter's context: wrap the executor with"
            + " Context.taskWrapping(executor) or the task with Context.current().wrap(task)"));
  }

  /**
   * The innermost span of another trace open on another thread when {@code root} started; failing
   * that, the latest one started before it on another thread (fire-and-forget work often starts
   * after its submitter ended).
   */
  private SpanNode spanOnAnotherThread(SpanNode root, String thread) {
    long start = root.data().getStartEpochNanos();
    Predicate<SpanNode> elsewhere = candidate -> {
      String candidateThread = candidate.trace() == root.trace() ? null : threadOf(candidate);
      return candidateThread != null && !candidateThread.equals(thread);
    };
    return allSpans.inFlightAt(start).filter(elsewhere).findFirst()
        .or(() -> allSpans.startedBy(start).filter(elsewhere).findFirst())
        .orElse(null);
  }

  /** The latest span the capture saw start at or before {@code time} on another thread and never end. */
  private SpanStart latestStillOpenOnAnotherThread(String thread, long time) {
    SpanStart latest = null;
    for (SpanStart open : forest.openSpans()) {
      if (open.startEpochNanos() <= time
          && !open.threadName().equals(thread)
          && (latest == null || open.startEpochNanos() > latest.startEpochNanos())) {
        latest = open;
      }
    }
    return latest;
  }

  /** The thread that started the span: from the capture, else a {@code thread.name} attribute. */
  private String threadOf(SpanNode node) {
    return forest.startOf(node).map(SpanStart::threadName).orElseGet(() -> ThreadAttributes.threadName(node));
  }
}
