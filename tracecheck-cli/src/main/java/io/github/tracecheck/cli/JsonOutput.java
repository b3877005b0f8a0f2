package io.github.tracecheck.cli;

import io.github.tracecheck.report.FindingRecord;
import io.github.tracecheck.report.FindingsJsonWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Findings for scripts: one JSON document ({@link FindingsJsonWriter}), streamed as found, with the run's counts. */
final class JsonOutput implements RecordOutput.RecordWriter {

  private final FindingsJsonWriter json;

  private JsonOutput(Writer out) throws IOException {
    json = new FindingsJsonWriter(out);
  }

  static FindingsOutput to(PrintStream out) {
    return new RecordOutput(out, JsonOutput::new);
  }

  @Override
  public void add(FindingRecord record) throws IOException {
    json.add(record);
  }

  @Override
  public void end(RunSummary summary) throws IOException {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("inputs", (long) summary.inputs());
    counts.put("spans", summary.spans());
    counts.put("traces", summary.traces());
    counts.put("findings", summary.findings());
    counts.put("malformed", summary.problems());
    counts.put("lateSpans", summary.lateSpans());
    counts.put("tracesCheckedEarly", summary.tracesCheckedEarly());
    json.summary(counts);
    json.close();
  }
}
