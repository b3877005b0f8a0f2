package io.github.tracecheck.cli;

import io.github.tracecheck.otlp.OtlpFiles;
import io.github.tracecheck.report.FindingRecord;
import io.github.tracecheck.report.SarifWriter;
import io.github.tracecheck.report.SourceRoots;
import io.github.tracecheck.rules.Rule;
import io.github.tracecheck.rules.Rules;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.List;

/**
 * Findings for code scanning: SARIF 2.1.0 ({@link SarifWriter}), streamed as found. A finding whose
 * span's start site is unknown is located at the trace file that was read (the first one named).
 */
final class SarifOutput implements RecordOutput.RecordWriter {

  private final SarifWriter sarif;
  private final String artifact;

  private SarifOutput(Writer out, List<String> inputs) throws IOException {
    SourceRoots roots = SourceRoots.ofWorkingDirectory();
    String first = inputs.get(0);
    this.artifact = first.equals(OtlpFiles.STANDARD_INPUT) ? "standard-input" : roots.uri(first);
    this.sarif = new SarifWriter(out, Rules.builtIn().stream().map(Rule::info).toList(), roots);
  }

  static FindingsOutput to(PrintStream out, List<String> inputs) {
    return new RecordOutput(out, writer -> new SarifOutput(writer, inputs));
  }

  @Override
  public void add(FindingRecord record) throws IOException {
    sarif.add(record, artifact);
  }

  @Override
  public void end(RunSummary summary) throws IOException {
    sarif.close();
  }
}
