package io.github.tracecheck.rules;

import io.github.tracecheck.model.SpanNode;
import java.util.List;

/**
 * One check of a {@link PerSpanRule}: it is shown every span of the forest once, trace by trace and
 * each trace in tree order, and keeps its findings in that order.
 */
interface SpanJudge {

  /** Judges one span. */
  void judge(SpanNode span);

  /** The findings, in the order the spans were shown. */
  List<Finding> findings();
}
