package io.github.tracecheck.rules;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import java.util.ArrayList;
import java.util.List;

/**
 * A built-in rule that judges each span on its own (with what it learnt of earlier spans). {@link
 * Rules#check} runs every such rule of a check in one traversal of the forest's spans: a span's data
 * is read from memory once for all of them, not once per rule, which is most of what a rule costs on
 * a large forest. Each rule's findings are the same, and in the same order, as when it runs alone.
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
    // Indexed loops: a check over every span of every trace makes no iterators.
    List<Trace> traces = forest.traces();
    for (int t = 0; t < traces.size(); t++) {
      List<SpanNode> spans = traces.get(t).spans();
      for (int s = 0; s < spans.size(); s++) {
        SpanNode span = spans.get(s);
        for (SpanJudge judge : judges) {
          judge.judge(span);
        }
      }
    }
    List<List<Finding>> findings = new ArrayList<>(judges.length);
    for (SpanJudge judge : judges) {
      findings.add(judge.findings());
    }
    return findings;
  }
}
