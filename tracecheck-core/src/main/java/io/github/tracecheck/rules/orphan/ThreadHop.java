package io.github.tracecheck.rules.orphan;

import static io.github.tracecheck.rules.internal.SpanDescriptions.describe;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.pii.Masking;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The thread hop: a root that is no entry point (not started by a test, not a server or consumer,
 * not a recurring job, not declared) is an orphan when it started on one thread while a span of
 * its service was open on another thread, or after one had run there: work handed to another thread
 * without the submitter's context. Without thread data (spans read from files or received over
 * OTLP) the same judgement rests on service and time alone: a span of the same service, in another
 * trace, in flight when the root started. Kept apart from the other hops because it matches spans
 * by thread, including spans the capture saw start but never end.
 */
final class ThreadHop {

  /**
   * The SDK times each trace on a clock anchored when its root started, so two traces' times can
   * disagree by the drift between the wall clock and the monotonic clock: an end this close before a
   * start is read as "still open" rather than "ended".
   */
  private static final long CROSS_TRACE_SKEW_NANOS = 1_000_000;

  private final TraceForest forest;
  // Candidates are spans of the root's own service (HopIndexes#byService): scanning only those keeps
  // each scan short.
  private final HopIndexes indexes;
  private final Threads threads;
  // Asked about roots that began a consumer's work without a CONSUMER span.
  private final MessagingHop messaging;

  /** The hop, given the indexes of every span and of the spans by service. */
  ThreadHop(TraceForest forest, HopIndexes indexes, Threads threads, MessagingHop messaging) {
    this.forest = forest;
    this.indexes = indexes;
    this.threads = threads;
    this.messaging = messaging;
  }

  /** The orphan when this root lost the context of work on another thread; empty when nothing shows it. */
  Optional<Orphan> orphan(SpanNode root) {
    String thread = threads.nameOf(root);
    return thread == null ? inferredFromServiceAndTime(root) : onAnotherThread(root, thread);
  }

  private Optional<Orphan> onAnotherThread(SpanNode root, String thread) {
    long start = root.startEpochNanos();
    Predicate<SpanNode> elsewhere = candidate -> {
      if (candidate.trace() == root.trace() || !sameService(candidate, root)) {
        return false;
      }
      return threads.nameOf(candidate) != null && !threads.sameThread(candidate, root);
    };
    SpansInTime candidates = candidatesFor(root);
    SpanNode openSpan = candidates.latestInFlightAt(start, elsewhere);
    SpanStart stillOpen = latestStillOpenOnAnotherThread(root, start);
    String cause = LikelyCause.forThread(thread, root);
    String note = threads.evidenceNote(root);
    if (stillOpen != null
        && (openSpan == null || stillOpen.startEpochNanos() > openSpan.startEpochNanos())) {
      return Optional.of(orphan(root, thread, List.of(), "while span \"" + Masking.redact(stillOpen.name())
          + "\" (still open) was open on thread \"" + Masking.redact(stillOpen.threadName()) + "\"" + note, cause));
    }
    if (openSpan != null && !LikelyCause.isConsumerWork(cause)) {
      return Optional.of(orphan(root, thread, List.of(openSpan), "while span " + describe(openSpan) + " in trace "
          + openSpan.traceId() + " was open on thread \"" + Masking.redact(threads.nameOf(openSpan)) + "\"" + note,
          cause));
    }
    return messagingOrAfterEnd(root, thread, start, elsewhere, cause, note);
  }

  /**
   * A message nobody consumed explains a root in another service best; else fire-and-forget work
   * that started after its submitter ended (the latest span of the service that ran on another
   * thread before it).
   */
  private Optional<Orphan> messagingOrAfterEnd(
      SpanNode root, String thread, long start, Predicate<SpanNode> elsewhere, String cause, String note) {
    // On a consumer's thread, the service's own unconsumed message explains the root too (an application
    // that consumes what it publishes); elsewhere only another service's does.
    boolean consumerWork = LikelyCause.isConsumerWork(cause);
    Optional<Orphan> unconsumed =
        messaging.workWithoutConsumerSpan(root, note, consumerWork, consumerWork ? cause : LikelyCause.CONSUMER_WITHOUT_EXTRACT);
    if (unconsumed.isPresent()) {
      return unconsumed;
    }
    SpanNode before = candidatesFor(root).latestStartedBy(start, elsewhere);
    if (before == null) {
      return Optional.empty();
    }
    boolean wasOpen = before.endEpochNanos() + CROSS_TRACE_SKEW_NANOS >= start;
    return Optional.of(orphan(root, thread, List.of(before),
        (wasOpen ? "while span " : "after span ") + describe(before) + " in trace " + before.traceId()
            + (wasOpen ? " was open" : " had run (and ended)") + " on thread \""
            + Masking.redact(threads.nameOf(before)) + "\"" + note,
        cause));
  }

  /** Without thread data: a span of the same service, in another trace, in flight when the root started. */
  private Optional<Orphan> inferredFromServiceAndTime(SpanNode root) {
    String note = " (inferred from service and time: the spans carry no thread data)";
    SpanNode inFlight =
        candidatesFor(root).latestInFlightAt(root.startEpochNanos(),
            candidate -> candidate.trace() != root.trace() && sameService(candidate, root));
    if (inFlight == null) {
      return messaging.workWithoutConsumerSpan(root, note, false, LikelyCause.CONSUMER_WITHOUT_EXTRACT);
    }
    return Optional.of(new Orphan(
        root,
        List.of(inFlight),
        "span " + describe(root) + " started a new trace while span " + describe(inFlight) + " of the same service"
            + " in trace " + inFlight.traceId() + " was in flight" + note,
        LikelyCause.EXECUTOR));
  }

  private static Orphan orphan(SpanNode root, String thread, List<SpanNode> related, String when, String cause) {
    return new Orphan(
        root,
        related,
        "span " + describe(root) + " started a new trace on thread \"" + Masking.redact(thread) + "\" " + when,
        cause,
        LikelyCause.forRepeated(cause));
  }

  /** The spans that may have lost their context to the root: its service's, or all when it names none. */
  private SpansInTime candidatesFor(SpanNode root) {
    return root.serviceName().isEmpty()
        ? indexes.allSpans
        : indexes.byService().getOrDefault(root.serviceName(), indexes.allSpans);
  }

  /** Spans of one service; a span without a service name may be any. */
  private static boolean sameService(SpanNode candidate, SpanNode root) {
    return root.serviceName().isEmpty() || candidate.serviceName().isEmpty()
        || candidate.serviceName().equals(root.serviceName());
  }

  /** The latest span the capture saw start at or before {@code time} on another thread than the root's and never end. */
  private SpanStart latestStillOpenOnAnotherThread(SpanNode root, long time) {
    SpanStart latest = null;
    for (SpanStart open : forest.openSpans()) {
      if (open.startEpochNanos() <= time
          && !threads.sameThread(open, root)
          && (latest == null || open.startEpochNanos() > latest.startEpochNanos())) {
        latest = open;
      }
    }
    return latest;
  }
}
