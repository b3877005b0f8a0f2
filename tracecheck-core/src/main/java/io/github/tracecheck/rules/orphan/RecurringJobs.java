package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Roots of a job that runs on its own schedule, such as a fixed-rate scheduler that starts a trace
 * per run: entry points, not orphans. A series is a schedule when the same service starts roots of
 * the same name and kind at least {@value #MIN_RUNS} times, one run after the other (never
 * overlapping), at a steady pace (no interval longer than {@value #MAX_GAP} times the median one; a
 * late run may be followed closely by the next, as fixed-rate schedulers catch up), and at least one
 * run started while no other work of the service was in flight, so that it cannot have been handed
 * over by a request. Tasks that lose a request's context each start while their request is in
 * flight, so a loop of such requests is never taken for a schedule.
 */
final class RecurringJobs {

  static final int MIN_RUNS = 3;
  static final int MAX_GAP = 10;

  private final Map<String, List<SpanNode>> series = new HashMap<>();
  // Decided on demand, only for series that have an orphan: the idle-run check scans the index.
  private final Map<String, Boolean> schedules = new HashMap<>();
  private final SpansInTime allSpans;

  RecurringJobs(List<SpanNode> candidateRoots, SpansInTime allSpans) {
    this.allSpans = allSpans;
    for (SpanNode root : candidateRoots) {
      series.computeIfAbsent(key(root), k -> new ArrayList<>()).add(root);
    }
  }

  /** Whether the root is one run of a recurring job. */
  boolean isRun(SpanNode root) {
    String key = key(root);
    List<SpanNode> roots = series.get(key);
    if (roots == null || roots.size() < MIN_RUNS) {
      return false;
    }
    return schedules.computeIfAbsent(key, k -> isSchedule(roots, allSpans));
  }

  private static String key(SpanNode root) {
    return root.serviceName() + "|" + root.kind() + "|" + root.name();
  }

  private static boolean isSchedule(List<SpanNode> roots, SpansInTime allSpans) {
    List<SpanNode> sorted = new ArrayList<>(roots);
    sorted.sort(Comparator.comparingLong(r -> r.startEpochNanos()));
    List<Long> intervals = new ArrayList<>();
    for (int i = 1; i < sorted.size(); i++) {
      SpanNode previous = sorted.get(i - 1);
      SpanNode next = sorted.get(i);
      if (previous.endEpochNanos() > next.startEpochNanos()) {
        return false; // runs of a schedule do not overlap; a burst of tasks does
      }
      intervals.add(next.startEpochNanos() - previous.startEpochNanos());
    }
    List<Long> ordered = new ArrayList<>(intervals);
    Collections.sort(ordered);
    long median = ordered.get(ordered.size() / 2);
    if (median <= 0 || ordered.get(ordered.size() - 1) > MAX_GAP * median) {
      return false;
    }
    Set<String> ownTraces = new HashSet<>();
    sorted.forEach(r -> ownTraces.add(r.traceId()));
    // Idle within the clock leeway: a task of a request whose trace's clock was anchored late must
    // not look like a run that started with nothing else going on.
    return sorted.stream().anyMatch(run -> allSpans.latestInFlightAround(run.startEpochNanos(),
        other -> !ownTraces.contains(other.traceId()) && other.serviceName().equals(run.serviceName())) == null);
  }
}
