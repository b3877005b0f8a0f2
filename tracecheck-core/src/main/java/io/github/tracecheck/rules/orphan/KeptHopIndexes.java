package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@link OrphanedRootRule}'s indexes, kept from one check to the next by a checker whose forests
 * overlap, as a window over a stream of spans does: each forest shares most of its traces with the
 * one before. A trace indexed before, and built the same since (the same {@link Trace} object), is
 * searched in the part it was indexed in; only the others are indexed, together, in a new part. The
 * findings are those of indexing each forest afresh.
 *
 * <p>Memory stays bounded by what one forest holds: after each check only the parts of its traces
 * are kept, and a part whose spans are mostly of traces no longer checked is dropped, its remaining
 * traces indexed again, so the parts hold at most twice the forest's spans. A check searches at most
 * {@value #MAX_PARTS} parts. Not thread-safe: one check at a time.
 */
public final class KeptHopIndexes {

  /**
   * A part is kept while at least this share of its spans (a half) is of traces still checked: a
   * part kept for a few long traces would hold every span it was built from.
   */
  private static final int LIVE_SHARE_DENOMINATOR = 2;

  /**
   * The most parts a check searches, the new one included: each question is asked of every part, so
   * the smallest parts beyond this are indexed again with the new one (a checker whose forests move
   * by small steps would otherwise keep a part per step).
   */
  static final int MAX_PARTS = 8;

  /** For each trace of the last forest checked, the part its spans are indexed in. */
  private Map<Trace, Part> partOf = new IdentityHashMap<>();

  /** Indexes kept by nobody yet. */
  public KeptHopIndexes() {}

  /** The indexes of some traces, and those traces. */
  private static final class Part {
    final HopIndexPart indexes;
    final List<Trace> traces;
    /** While a check counts them: spans of its forest indexed here. */
    int liveSpans;
    /** Whether the check under way searches this part: most of its spans are of the forest's traces. */
    boolean searched;

    Part(HopIndexPart indexes, List<Trace> traces) {
      this.indexes = indexes;
      this.traces = traces;
    }

    boolean mostlyLive() {
      return liveSpans * LIVE_SHARE_DENOMINATOR >= indexes.size();
    }
  }

  /** The indexes of the forest's spans, from the parts kept and one new part; keeps this forest's. */
  HopIndexes indexesOf(TraceForest forest, boolean linksConnect) {
    List<Trace> traces = forest.traces();
    List<Part> met = new ArrayList<>(); // in the order the forest first names them: the same every run
    for (Trace trace : traces) {
      Part part = partOf.get(trace);
      if (part != null) {
        if (part.liveSpans == 0) {
          met.add(part);
        }
        part.liveSpans += trace.size();
      }
    }
    for (Part part : met) {
      part.searched = part.mostlyLive();
    }
    keepLargest(met, MAX_PARTS - 1);
    List<Part> parts = new ArrayList<>(met.size() + 1);
    for (Part part : met) {
      part.liveSpans = 0; // counted again at the next check, even if this one fails
      if (part.searched) {
        parts.add(part);
      }
    }
    Map<Trace, Part> kept = new IdentityHashMap<>(traces.size());
    List<Trace> unindexedTraces = new ArrayList<>();
    int unindexedSpans = 0;
    for (Trace trace : traces) {
      Part part = partOf.get(trace);
      if (part != null && part.searched) {
        kept.put(trace, part);
      } else {
        unindexedTraces.add(trace);
        unindexedSpans += trace.size();
      }
    }
    if (!unindexedTraces.isEmpty()) {
      List<SpanNode> unindexed = new ArrayList<>(unindexedSpans);
      unindexedTraces.forEach(trace -> unindexed.addAll(trace.spans()));
      parts.add(new Part(new HopIndexPart(unindexed), unindexedTraces));
      for (Trace trace : unindexedTraces) {
        kept.put(trace, parts.get(parts.size() - 1));
      }
    }
    partOf = kept;
    List<HopIndexPart> indexes = new ArrayList<>(parts.size());
    List<Predicate<SpanNode>> live = new ArrayList<>(parts.size());
    for (Part part : parts) {
      indexes.add(part.indexes);
      live.add(liveIn(part));
    }
    return HopIndexes.across(indexes, live, linksConnect);
  }

  /** Leaves at most {@code most} of the parts searched: those with the most live spans. */
  private static void keepLargest(List<Part> met, int most) {
    List<Part> searched = new ArrayList<>();
    for (Part part : met) {
      if (part.searched) {
        searched.add(part);
      }
    }
    if (searched.size() <= most) {
      return;
    }
    searched.sort(Comparator.comparingInt((Part part) -> part.liveSpans).reversed());
    for (Part part : searched.subList(most, searched.size())) {
      part.searched = false;
    }
  }

  /**
   * Which spans of the part belong to the forest now kept: those of its traces not built again since
   * nor left the forest. Null when all do, as for most parts, so that their spans are not tested.
   */
  private Predicate<SpanNode> liveIn(Part part) {
    Set<Trace> gone = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Trace trace : part.traces) {
      if (partOf.get(trace) != part) {
        gone.add(trace);
      }
    }
    return gone.isEmpty() ? null : span -> !gone.contains(span.trace());
  }

  /** How many parts are kept. */
  int parts() {
    return (int) partOf.values().stream().distinct().count();
  }

  /** How many spans the parts kept hold, those of traces no longer checked included. */
  int spansIndexed() {
    return partOf.values().stream().distinct().mapToInt(part -> part.indexes.size()).sum();
  }

  /** Forgets every part: the next check indexes its forest afresh. */
  void clear() {
    partOf = new IdentityHashMap<>();
  }
}
