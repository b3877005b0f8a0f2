package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.EntryPoint;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.Rule;
import io.github.tracecheck.rules.RuleInfo;
import io.github.tracecheck.rules.RuleMode;
import io.github.tracecheck.rules.RuleOptions;
import io.opentelemetry.api.trace.SpanKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds root spans that should have continued a trace: a hop where context was lost. A root is
 * legitimate when it is an <em>entry point</em>:
 *
 * <ul>
 *   <li>it started on a test's own thread (the test is the client), unless it is a SERVER or
 *       CONSUMER span, which its hop judges wherever it runs;
 *   <li>the user declared it ({@link RuleOptions#entryPoints()});
 *   <li>it is a SERVER or CONSUMER root whose caller is not in the capture, or a CONSUMER that links
 *       to its producers (when links connect);
 *   <li>it is one run of a job on its own schedule ({@link RecurringJobs}).
 * </ul>
 *
 * <p>Every other root is judged by the hop it most likely lost, and flagged when the capture shows
 * it: a message whose producer no consumer continued ({@link MessagingHop}), a client call in flight
 * when a server started, or a call made without tracing ({@link CallHop}), work of the same service
 * open on another thread ({@link ThreadHop}; without thread data, on service and time evidence, and
 * the finding says so). Repeated orphans of one cause are one finding ({@link RepeatedOrphans}).
 */
public final class OrphanedRootRule implements Rule {

  public static final String NAME = "orphaned-root";

  public static final RuleInfo INFO =
      RuleInfo.of(NAME, "a root span that should have continued a trace: a hop lost the context", RuleMode.FAIL)
          .withConventions(
              "messaging: a process span has the message's creation context as parent, or links to it",
              "messaging.system, messaging.destination.name (messaging.destination)",
              "rpc.system, rpc.service, rpc.method",
              "http.request.method (http.method), url.full (http.url), url.path (http.target), http.route",
              "thread.name (for spans the capture did not see start)");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(TraceForest forest, RuleOptions options) {
    return checkRootsOf(forest, trace -> true, options);
  }

  /**
   * Judges only the roots of the traces {@code judged} accepts; every trace of {@code forest} is
   * still evidence (a client in flight, a producer, a recurring job's other runs). A checker that
   * sees each trace in several overlapping forests judges it once, in the forest it belongs to.
   */
  public List<Finding> checkRootsOf(TraceForest forest, Predicate<Trace> judged, RuleOptions options) {
    return judge(forest, judged, options, null);
  }

  /**
   * As {@link #checkRootsOf(TraceForest, Predicate, RuleOptions)}, searching the indexes kept from
   * earlier checks for the traces this forest shares with them, and keeping this forest's: for a
   * checker whose forests overlap (a window over a stream), each trace is indexed about once. The
   * findings are the same as without.
   *
   * @param kept the indexes of the checks before, updated to this forest's (they depend on the
   *     spans alone, not on the options)
   */
  public List<Finding> checkRootsOf(
      TraceForest forest, Predicate<Trace> judged, RuleOptions options, KeptHopIndexes kept) {
    return judge(forest, judged, options, Objects.requireNonNull(kept, "kept"));
  }

  /** The roots {@code judged} accepts, judged; {@code kept} is null for a forest checked once. */
  private List<Finding> judge(TraceForest forest, Predicate<Trace> judged, RuleOptions options, KeptHopIndexes kept) {
    Threads threads = new Threads(forest);
    List<SpanNode> candidates = new ArrayList<>();
    List<Trace> traces = forest.traces();
    for (int t = 0; t < traces.size(); t++) {
      List<SpanNode> roots = traces.get(t).roots();
      for (int r = 0; r < roots.size(); r++) {
        SpanNode root = roots.get(r);
        // A missing parent is the dangling-parent rule's business.
        if (!root.hasParentSpanId() && !isDeclaredOrTestEntryPoint(root, threads, options)) {
          candidates.add(root);
        }
      }
    }
    if (candidates.stream().noneMatch(root -> judged.test(root.trace()))) {
      // Most checks judge no root (a test's own root is an entry point): no index is built for them.
      if (kept != null) {
        kept.clear(); // nor kept: what it holds may be long gone by the next check
      }
      return List.of();
    }
    HopIndexes indexes = kept == null
        ? HopIndexes.of(forest.spans(), options.linksConnect())
        : kept.indexesOf(forest, options.linksConnect());
    SpansInTime allSpans = indexes.allSpans;
    MessagingHop messaging = new MessagingHop(indexes.unconsumed, options);
    CallHop calls = new CallHop(indexes.clientsByCall, allSpans);
    ThreadHop work = new ThreadHop(forest, indexes, threads, messaging);
    RecurringJobs jobs =
        new RecurringJobs(
            candidates.stream().filter(r -> r.kind() != SpanKind.SERVER && r.kind() != SpanKind.CONSUMER).toList(),
            allSpans);
    List<Orphan> orphans = new ArrayList<>();
    for (SpanNode root : candidates) {
      if (!judged.test(root.trace())) {
        continue;
      }
      Optional<Orphan> orphan =
          switch (root.kind()) {
            case CONSUMER -> messaging.consumerOrphan(root);
            case SERVER -> calls.orphan(root);
            default -> work.orphan(root).filter(found -> !jobs.isRun(root));
          };
      orphan.ifPresent(orphans::add);
    }
    return options.repeatedOrphansCollapsed()
        ? RepeatedOrphans.collapse(orphans)
        : RepeatedOrphans.each(orphans);
  }

  /**
   * Declared roots, and roots the test started as a client. A SERVER or CONSUMER root on the test's
   * thread is the code under test receiving (a test that polls a consumer itself): its hop judges it.
   */
  private static boolean isDeclaredOrTestEntryPoint(SpanNode root, Threads threads, RuleOptions options) {
    boolean receiving = root.kind() == SpanKind.SERVER || root.kind() == SpanKind.CONSUMER;
    if (!receiving && threads.startedOnTestThread(root)) {
      return true;
    }
    List<EntryPoint> declared = options.entryPoints();
    for (int i = 0; i < declared.size(); i++) { // indexed: asked of every root, mostly of an empty list
      if (declared.get(i).matches(root)) {
        return true;
      }
    }
    return false;
  }
}
