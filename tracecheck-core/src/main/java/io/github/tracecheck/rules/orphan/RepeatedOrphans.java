package io.github.tracecheck.rules.orphan;

import static io.github.tracecheck.rules.internal.SpanDescriptions.describe;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.rules.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One finding per cause: orphans of the same service, name and kind that lost their context the
 * same way (one parallel stream, one consumer that never extracts headers) are one bug, reported
 * once with a count and the first spans named, in the order their first orphan was found.
 */
final class RepeatedOrphans {

  /** How many of the repeated roots a finding names and marks. */
  static final int NAMED = 3;

  private RepeatedOrphans() {}

  static List<Finding> collapse(List<Orphan> orphans) {
    Map<String, List<Orphan>> byCause = new LinkedHashMap<>();
    for (Orphan orphan : orphans) {
      SpanNode root = orphan.root();
      String key = root.serviceName() + "|" + root.kind() + "|" + root.name() + "|" + orphan.likelyCause();
      byCause.computeIfAbsent(key, k -> new ArrayList<>()).add(orphan);
    }
    List<Finding> findings = new ArrayList<>();
    for (List<Orphan> same : byCause.values()) {
      findings.add(same.size() == 1 ? single(same.get(0)) : repeated(same));
    }
    return findings;
  }

  /** Each orphan on its own: for checks that see a run in parts (see RuleOptions). */
  static List<Finding> each(List<Orphan> orphans) {
    return orphans.stream().map(RepeatedOrphans::single).toList();
  }

  private static Finding single(Orphan orphan) {
    return Finding.about(OrphanedRootRule.NAME, orphan.root(), orphan.related(), orphan.message(), orphan.likelyCause());
  }

  private static Finding repeated(List<Orphan> same) {
    Orphan first = same.get(0);
    List<SpanNode> others = same.subList(1, Math.min(same.size(), NAMED)).stream().map(Orphan::root).toList();
    List<SpanNode> related = new ArrayList<>(first.related());
    others.forEach(related::add);
    String named = others.stream().map(r -> "span " + r.spanId() + " in trace " + r.traceId())
        .collect(Collectors.joining(", "));
    return Finding.about(
        OrphanedRootRule.NAME,
        first.root(),
        related,
        first.message() + "; " + (same.size() - 1) + " more root" + (same.size() == 2 ? "" : "s") + " named "
            + describe(first.root()) + " lost the context the same way (" + same.size() + " in all; next: "
            + named + (same.size() > NAMED ? ", ..." : "") + ")",
        first.repeatedCause());
  }
}
