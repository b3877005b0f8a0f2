package io.github.tracecheck.rules;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.model.internal.SpanDataPrefetch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A built-in rule that judges each span on its own (with what it learnt of earlier spans). {@link
 * Rules#check} runs every such rule of a check in one traversal of the forest's spans: a span's data
 * is read from memory once for all of them, not once per rule, which is most of what a rule costs on
 * a large forest. Each rule's findings are the same, and in the same order, as when it runs alone:
 * trace by trace, each trace's in tree order.
 */
interface PerSpanRule extends Rule {

  /** A judge for one check of the forest. */
  SpanJudge judge(TraceForest forest, RuleOptions options);

  @Override
  default List<Finding> check(TraceForest forest, RuleOptions options) {
    return checkTogether(forest, List.of(this), options).get(0);
  }

  /** Runs the rules in one traversal of the forest's spans; the findings of each rule, in the order of {@code rules}. */
  static List<List<Finding>> checkTogether(TraceForest forest, List<PerSpanRule> rules, RuleOptions options) {
    SpanJudge[] judges = new SpanJudge[rules.size()];
    for (int i = 0; i < judges.length; i++) {
      judges[i] = rules.get(i).judge(forest, options);
    }
    int[] before = new int[judges.length];
    // Indexed loops: a check over every span of every trace makes no iterators.
    List<Trace> traces = forest.traces();
    for (int t = 0; t < traces.size(); t++) {
      Trace trace = traces.get(t);
      for (int j = 0; j < judges.length; j++) {
        before[j] = judges[j].findings().size();
      }
      // In the order captured, which is usually the order the spans' data sits in memory: tree order
      // jumps back and forth within the trace, and reading the data so is slower.
      List<SpanNode> spans = trace.spansAsCaptured();
      SpanDataPrefetch.forJudges(spans);
      for (int s = 0; s < spans.size(); s++) {
        SpanNode span = spans.get(s);
        for (SpanJudge judge : judges) {
          judge.judge(span);
        }
      }
      for (int j = 0; j < judges.length; j++) {
        judges[j].traceJudged(trace);
        inTreeOrder(judges[j].findings(), before[j]);
      }
    }
    List<List<Finding>> findings = new ArrayList<>(judges.length);
    for (SpanJudge judge : judges) {
      findings.add(judge.findings());
    }
    return findings;
  }

  /** Puts the findings from {@code from} on (one trace's) in the tree order of their spans, keeping the order of each span's findings. */
  private static void inTreeOrder(List<Finding> findings, int from) {
    for (int i = from + 1; i < findings.size(); i++) {
      if (position(findings.get(i - 1)) > position(findings.get(i))) {
        findings.subList(from, findings.size()).sort(Comparator.comparingInt(PerSpanRule::position)); // stable
        return;
      }
    }
  }

  private static int position(Finding finding) {
    return finding.spanOrNull().positionInTrace(); // a judge's findings are all about spans
  }
}
