package io.github.tracecheck.stream;

import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.DanglingParentRule;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.LeakedScopeRule;
import io.github.tracecheck.rules.LogWithoutTraceContextRule;
import io.github.tracecheck.rules.MissingErrorStatusRule;
import io.github.tracecheck.rules.PiiRule;
import io.github.tracecheck.rules.Rule;
import io.github.tracecheck.rules.RuleOptions;
import io.github.tracecheck.rules.Rules;
import io.github.tracecheck.rules.SpanNeverEndedRule;
import io.github.tracecheck.rules.SqlLiteralRule;
import io.github.tracecheck.rules.orphan.KeptHopIndexes;
import io.github.tracecheck.rules.orphan.OrphanedRootRule;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Checks a stream of spans in a window of span time, as the Collector's tail sampling decides on
 * traces: spans are grouped by trace, and a trace is checked once no span of it has ended for
 * {@link WindowSettings#windowNanos()} of the stream's clock (the latest span end seen). Quiet traces
 * are checked in batches with the given rules, so the findings are the ones the in-memory checker
 * finds whenever each trace, and the cause of each orphan, lie within the window.
 *
 * <p>Rules that look at one trace at a time (the built-in ones but {@code orphaned-root}) see the
 * batch. Every other rule sees the batch with its neighbourhood: the traces in flight or checked
 * recently that ran from one window before the batch's first start to its last end; its findings
 * about the neighbours are left for when those are checked ({@code orphaned-root} does not even
 * judge the neighbours' roots, only the batch's, and keeps its indexes from batch to batch, see
 * {@link KeptHopIndexes}). Checked traces are kept as neighbours only as long as a later trace may
 * need them, and {@link WindowSettings#maxSpansHeld()} bounds what is held at once, so memory
 * depends on the window and the traces in flight, never on the length of the stream.
 *
 * <p>A span of a trace already checked (it came later than the window) re-opens the trace; when it is
 * checked again only findings not reported before are handed on. A span of a trace checked and
 * already dropped is checked with the other late spans of its trace, and a parent missing among them
 * is not reported as dangling: it was seen before. Dropped traces are remembered in a fixed table
 * ({@link ForgottenTraces}), so a span later than that is taken for a new trace. Not thread-safe: one
 * reader feeds it (the rules of a batch may run on two threads, and are done when the batch is handed on).
 */
public final class WindowedChecker implements Consumer<SpanData> {

  /** The built-in rules that read one trace at a time, so never need neighbours. */
  private static final Set<String> ONE_TRACE_AT_A_TIME = Set.of(
      DanglingParentRule.NAME, SpanNeverEndedRule.NAME, LeakedScopeRule.NAME, MissingErrorStatusRule.NAME,
      PiiRule.NAME, SqlLiteralRule.NAME, LogWithoutTraceContextRule.NAME);

  /**
   * A batch is checked with its neighbours, and waits until it is at least this part of what is
   * held (a quarter): checking the neighbours again then costs at most three times checking the
   * batch. Waiting for a larger part holds more spans at once, which the garbage collector pays for
   * (measured on the 1M-span file: waiting for half cost more in collections than the neighbours saved).
   */
  private static final int BATCH_SHARE_OF_HELD = 4;

  private final WindowSettings settings;
  private final List<Rule> rules;
  private final List<Rule> oneTraceRules;
  private final List<Rule> crossTraceRules;
  private final Executor crossTraceExecutor;
  private final RuleOptions options;
  private final Consumer<CheckedBatch> listener;

  private final Map<String, PendingTrace> held = new HashMap<>();
  private final PriorityQueue<PendingTrace> quietestFirst = new PriorityQueue<>(Comparator.comparingLong(t -> t.queuedEnd));
  private final List<PendingTrace> ready = new ArrayList<>();
  /** Checked traces kept as neighbours, in the order they were checked. */
  private final LinkedHashMap<String, PendingTrace> neighbours = new LinkedHashMap<>();

  /** The orphan rule's indexes of the last neighbourhood: most of the next one's traces are in it. */
  private final KeptHopIndexes orphanIndexes = new KeptHopIndexes();

  /** Traces checked and dropped, so that their late spans are known as such. */
  private final ForgottenTraces forgotten = new ForgottenTraces();

  private long now = Long.MIN_VALUE;
  private long spansHeld;
  private int readySpans;
  private long spans;
  private long traces;
  private long lateSpans;
  private long tracesCheckedEarly;

  /**
   * @param listener called with each batch of checked traces, findings or not, in the order checked
   */
  public WindowedChecker(WindowSettings settings, List<? extends Rule> rules, RuleOptions options, Consumer<CheckedBatch> listener) {
    this(settings, rules, options, Runnable::run, listener);
  }

  /**
   * A checker that runs the rules needing neighbours ({@code orphaned-root}) on {@code crossTraceExecutor}
   * while the calling thread runs the others, so that a batch is checked on two cores; the findings
   * are the same, in the same order, as on one thread.
   *
   * @param crossTraceExecutor runs one task per batch, e.g. a single-thread executor (the command
   *     line's); the rules must be safe to run on another thread than the one that built the traces,
   *     as the built-in ones are
   * @param listener called with each batch of checked traces, findings or not, in the order checked
   */
  public WindowedChecker(WindowSettings settings, List<? extends Rule> rules, RuleOptions options,
      Executor crossTraceExecutor, Consumer<CheckedBatch> listener) {
    this.settings = settings;
    this.rules = List.copyOf(rules);
    this.oneTraceRules = this.rules.stream().filter(rule -> ONE_TRACE_AT_A_TIME.contains(rule.name())).toList();
    this.crossTraceRules = this.rules.stream().filter(rule -> !ONE_TRACE_AT_A_TIME.contains(rule.name())).toList();
    this.crossTraceExecutor = crossTraceExecutor;
    // A batch sees part of the run: orphans of one cause are reported each on its own, which no way
    // of cutting the run into batches changes (collapsing them needs the whole run).
    this.options = options.withRepeatedOrphansCollapsed(false);
    this.listener = listener;
  }

  /** A checker with the built-in rules and their default options. */
  public static WindowedChecker withBuiltInRules(WindowSettings settings, Consumer<CheckedBatch> listener) {
    return new WindowedChecker(settings, Rules.builtIn(), RuleOptions.defaults(), listener);
  }

  /** Takes the next span of the stream; may check the traces that have become quiet. */
  @Override
  public void accept(SpanData span) {
    spans++;
    PendingTrace trace = held.get(span.getTraceId());
    if (trace == null) {
      trace = new PendingTrace(span.getTraceId());
      held.put(trace.traceId, trace);
      trace.remainder = forgotten.contains(trace.traceId);
      if (!trace.remainder) {
        traces++;
      }
      queue(trace, span.getEndEpochNanos());
    } else if (trace.state == PendingTrace.State.CHECKED) {
      lateSpans++; // came after its trace was checked: the trace is checked again for what is new
      neighbours.remove(trace.traceId);
      trace.state = PendingTrace.State.IN_FLIGHT;
      queue(trace, Math.max(trace.lastEnd, span.getEndEpochNanos()));
    }
    if (trace.remainder) {
      lateSpans++; // its trace was checked and dropped: it is checked alone
    }
    trace.add(span);
    spansHeld++;
    now = Math.max(now, span.getEndEpochNanos());
    releaseQuietTraces();
    if (readySpans >= settings.batchSpans() && readySpans * BATCH_SHARE_OF_HELD >= spansHeld) {
      checkReady();
    }
  }

  /** The stream has ended: checks every trace still held. */
  public void finish() {
    for (PendingTrace trace : held.values()) {
      if (trace.state == PendingTrace.State.IN_FLIGHT) {
        markReady(trace);
      }
    }
    quietestFirst.clear();
    checkReady();
    held.clear();
    neighbours.clear();
    spansHeld = 0;
  }

  /** Spans taken so far. */
  public long spans() {
    return spans;
  }

  /** Distinct traces seen so far. */
  public long traces() {
    return traces;
  }

  /** Spans that came after their trace had been checked: the window was shorter than their delay. */
  public long lateSpans() {
    return lateSpans;
  }

  /** Traces checked before their window ended, to stay within {@link WindowSettings#maxSpansHeld()}. */
  public long tracesCheckedEarly() {
    return tracesCheckedEarly;
  }

  /** Spans held right now: in flight, waiting for their batch, and kept as neighbours. */
  long spansHeld() {
    return spansHeld;
  }

  private void queue(PendingTrace trace, long lastEnd) {
    trace.queuedEnd = lastEnd;
    quietestFirst.add(trace);
  }

  /** Moves traces quiet for the window - or, past the bound, the quietest ones - to the next batch. */
  private void releaseQuietTraces() {
    while (!quietestFirst.isEmpty()) {
      PendingTrace quietest = quietestFirst.peek();
      boolean quiet = quietest.queuedEnd < now - settings.windowNanos();
      boolean overBound = spansHeld > settings.maxSpansHeld() && !evictOldestNeighbour();
      if (!quiet && !overBound) {
        return;
      }
      quietestFirst.poll();
      if (quietest.lastEnd > quietest.queuedEnd && !overBound) {
        queue(quietest, quietest.lastEnd); // a span ended later: not quiet yet
      } else {
        if (!quiet) {
          tracesCheckedEarly++;
        }
        markReady(quietest);
      }
    }
  }

  private void markReady(PendingTrace trace) {
    trace.state = PendingTrace.State.READY;
    ready.add(trace);
    readySpans += trace.spans.size();
    if (readySpans >= settings.batchSpans() && spansHeld > settings.maxSpansHeld()) {
      checkReady();
    }
  }

  private boolean evictOldestNeighbour() {
    Iterator<PendingTrace> oldest = neighbours.values().iterator();
    if (!oldest.hasNext()) {
      return false;
    }
    forget(oldest.next());
    oldest.remove();
    return true;
  }

  private void forget(PendingTrace trace) {
    forgotten.add(trace.traceId);
    held.remove(trace.traceId);
    spansHeld -= trace.spans.size();
  }

  /**
   * Checks the ready traces together, hands the batch on, and keeps them as neighbours. Each trace
   * is built once and the same built trace serves its batch and every neighbourhood it falls in
   * (again only when a span of it came since).
   */
  private void checkReady() {
    if (ready.isEmpty()) {
      return;
    }
    Set<String> batchTraces = new HashSet<>();
    long firstStart = Long.MAX_VALUE;
    long lastEnd = Long.MIN_VALUE;
    for (PendingTrace trace : ready) {
      batchTraces.add(trace.traceId);
      firstStart = Math.min(firstStart, trace.firstStart);
      lastEnd = Math.max(lastEnd, trace.lastEnd);
    }
    TraceForest batch = forestOf(ready);
    CompletableFuture<List<List<Finding>>> acrossTraces = crossTraceRules.isEmpty()
        ? CompletableFuture.completedFuture(List.of())
        : checkAcrossTraces(neighbourhood(firstStart, lastEnd), batchTraces);
    List<List<Finding>> oneTrace = new ArrayList<>();
    for (Rule rule : oneTraceRules) {
      oneTrace.add(rule.check(batch, options));
    }
    Iterator<List<Finding>> alone = oneTrace.iterator();
    Iterator<List<Finding>> across = joined(acrossTraces).iterator();
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rules) { // in the order of the rules, wherever each ran
      findings.addAll(ONE_TRACE_AT_A_TIME.contains(rule.name()) ? alone.next() : across.next());
    }
    listener.accept(new CheckedBatch(batch, newFindings(findings), batch.problems()));
    for (PendingTrace trace : ready) {
      trace.state = PendingTrace.State.CHECKED;
      neighbours.put(trace.traceId, trace);
    }
    ready.clear();
    readySpans = 0;
    forgetNeighboursNoLongerNeeded();
  }

  /**
   * The rules that need neighbours, on {@link #crossTraceExecutor} while this thread runs the others
   * on the batch; the neighbourhood is built here, where the traces held are changed.
   */
  private CompletableFuture<List<List<Finding>>> checkAcrossTraces(TraceForest neighbourhood, Set<String> batchTraces) {
    return CompletableFuture.supplyAsync(() -> {
      List<List<Finding>> found = new ArrayList<>();
      for (Rule rule : crossTraceRules) {
        found.add(aboutTheBatch(checkWithNeighbours(rule, neighbourhood, batchTraces), batchTraces));
      }
      return found;
    }, crossTraceExecutor);
  }

  /** The result, or what the rules threw, as they threw it (out of memory stays out of memory). */
  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * The orphan rule judges only the batch's roots, the neighbours being evidence only: each trace is
   * in several neighbourhoods but judged once, with its own batch. Other rules judge the whole
   * neighbourhood; their findings about neighbours are left out afterwards.
   */
  private List<Finding> checkWithNeighbours(Rule rule, TraceForest neighbourhood, Set<String> batchTraces) {
    if (rule instanceof OrphanedRootRule orphans) {
      return orphans.checkRootsOf(neighbourhood, trace -> batchTraces.contains(trace.traceId()), options, orphanIndexes);
    }
    return rule.check(neighbourhood, options);
  }

  /** The batch with the traces that ran from one window before its first start to its last end. */
  private TraceForest neighbourhood(long firstStart, long lastEnd) {
    List<PendingTrace> around = new ArrayList<>(ready);
    long from = firstStart - settings.windowNanos();
    for (PendingTrace trace : held.values()) {
      if (trace.state != PendingTrace.State.READY && trace.overlaps(from, lastEnd)) {
        around.add(trace);
      }
    }
    return forestOf(around);
  }

  /** The forest of the traces, building together those not built since their last span came. */
  private static TraceForest forestOf(List<PendingTrace> traces) {
    int count = 0;
    for (PendingTrace trace : traces) {
      count += trace.builtTrace() == null ? trace.spans.size() : 0;
    }
    List<SpanData> unbuilt = new ArrayList<>(count);
    for (PendingTrace trace : traces) {
      if (trace.builtTrace() == null) {
        unbuilt.addAll(trace.spans);
      }
    }
    TraceForest fresh = TraceForest.of(unbuilt);
    List<Trace> built = new ArrayList<>(traces.size());
    for (PendingTrace trace : traces) {
      if (trace.builtTrace() == null) {
        trace.built(fresh.trace(trace.traceId).orElseThrow());
      }
      built.add(trace.builtTrace());
    }
    return TraceForest.ofTraces(built);
  }

  private static List<Finding> aboutTheBatch(List<Finding> findings, Set<String> batchTraces) {
    List<Finding> about = new ArrayList<>();
    for (Finding finding : findings) {
      if (finding.span().map(span -> batchTraces.contains(span.traceId())).orElse(false)) {
        about.add(finding);
      }
    }
    return about;
  }

  /** Leaves out what a trace checked again (after a late span) already reported. */
  private List<Finding> newFindings(List<Finding> findings) {
    List<Finding> fresh = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      String traceId = finding.span().map(span -> span.traceId()).orElse("");
      PendingTrace trace = held.get(traceId);
      String key = finding.rule() + '\n' + finding.span().map(span -> span.spanId()).orElse("") + '\n' + finding.message();
      boolean parentSeenBefore = trace != null && trace.remainder && finding.rule().equals(DanglingParentRule.NAME);
      if (!parentSeenBefore && (trace == null || trace.firstReport(key))) {
        fresh.add(finding);
      }
    }
    return fresh;
  }

  /**
   * A checked trace is a neighbour of traces that start up to one window after it ended; the oldest
   * trace still in flight may be checked later, so neighbours from a window before it are kept too.
   */
  private void forgetNeighboursNoLongerNeeded() {
    long oldestInFlight = now;
    for (PendingTrace trace : held.values()) {
      if (trace.state == PendingTrace.State.IN_FLIGHT) {
        oldestInFlight = Math.min(oldestInFlight, trace.firstStart);
      }
    }
    long horizon = Math.min(now - settings.windowNanos(), oldestInFlight) - settings.windowNanos();
    Iterator<PendingTrace> oldest = neighbours.values().iterator();
    while (oldest.hasNext()) {
      PendingTrace trace = oldest.next();
      if (trace.lastEnd >= horizon) {
        return;
      }
      forget(trace);
      oldest.remove();
    }
  }
}
