package io.github.tracecheck.rules;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import java.util.List;

/**
 * One check of a {@link PerSpanRule}: it is shown every span of the forest once, trace by trace in
 * the forest's order, and each trace's spans in the order they were captured ({@link
 * Trace#spansAsCaptured()}, the order their data sits in memory). What it finds about a span must
 * not depend on that order within a trace: {@link PerSpanRule#checkTogether} puts each trace's
 * findings in tree order, so that they come as if the spans were shown in tree order.
 */
interface SpanJudge {

  /** Judges one span. */
  void judge(SpanNode span);

  /** Every span of {@code trace} has been judged; what is found now is about spans of this trace. */
  default void traceJudged(Trace trace) {}

  /** The findings so far: the list the judge adds to, which the caller may reorder between traces. */
  List<Finding> findings();
}
