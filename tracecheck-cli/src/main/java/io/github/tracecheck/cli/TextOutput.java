package io.github.tracecheck.cli;

import io.github.tracecheck.model.ForestProblem;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.render.FindingsReport;
import io.github.tracecheck.render.TraceTreeRenderer;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.stream.CheckedBatch;
import java.io.PrintStream;

/** Findings for people, printed as they are found: numbered, each with its trees drawn; then one summary line. */
final class TextOutput implements FindingsOutput {

  private final PrintStream out;
  private final TraceTreeRenderer renderer = TraceTreeRenderer.create();
  private int number;

  TextOutput(PrintStream out) {
    this.out = out;
  }

  @Override
  public void checked(CheckedBatch batch) {
    for (ForestProblem problem : batch.problems()) {
      out.println("malformed: " + Masking.redact(problem.toString()));
    }
    for (Finding finding : batch.findings()) {
      out.println(++number + ". " + FindingsReport.render(finding, batch.forest(), renderer));
      out.println();
    }
  }

  @Override
  public void end(RunSummary summary) {
    out.println("tracecheck: " + summary.whatWasRead() + ": "
        + (summary.findings() == 0 ? "no findings" : "found " + FindingsReport.count((int) summary.findings())));
  }
}
