package io.github.tracecheck.stream;

import io.github.tracecheck.model.ForestProblem;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Finding;
import java.util.List;

/**
 * Traces the {@link WindowedChecker} has checked together.
 *
 * @param forest the checked traces (without their neighbours), for drawing what a finding is about
 * @param findings what the rules found in those traces, in the order of the rules
 * @param problems what is malformed in those traces, such as duplicate span ids
 */
public record CheckedBatch(TraceForest forest, List<Finding> findings, List<ForestProblem> problems) {

  public CheckedBatch {
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
  }
}
