package io.github.tracecheck.cli;

import io.github.tracecheck.otlp.OtlpFiles;
import io.github.tracecheck.report.FindingRecord;
import io.github.tracecheck.report.SarifWriter;
import io.github.tracecheck.report.SourceRoots;
import io.github.tracecheck.rules.Rule;
import io.github.tracecheck.rules.Rules;
import io.github.tracecheck.stream.CheckedBatch;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Findings for code scanning: SARIF 2.1.0 ({@link SarifWriter}), streamed as found. A finding whose
 * span's start site is unknown is located at the trace file that was read (the first one named).
 */
final class SarifOutput implements FindingsOutput {

  private final SarifWriter sarif;
  private final String artifact;
  private final Writer out;

  SarifOutput(PrintStream out, List<String> inputs) {
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    SourceRoots roots = SourceRoots.ofWorkingDirectory();
    String first = inputs.get(0);
    this.artifact = first.equals(OtlpFiles.STANDARD_INPUT) ? "standard-input" : roots.uri(first);
    try {
      sarif = new SarifWriter(this.out, Rules.builtIn().stream().map(Rule::info).toList(), roots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void checked(CheckedBatch batch) {
    try {
      for (FindingRecord record : FindingRecords.of(batch)) {
        sarif.add(record, artifact);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void end(RunSummary summary) {
    try {
      sarif.close();
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
