package io.github.tracecheck.cli;

import io.github.tracecheck.report.FindingRecord;
import io.github.tracecheck.report.FindingsJsonWriter;
import io.github.tracecheck.stream.CheckedBatch;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Findings for scripts: one JSON document ({@link FindingsJsonWriter}), streamed as found; malformed spans count in the summary. */
final class JsonOutput implements FindingsOutput {

  private final Writer out;
  private final FindingsJsonWriter json;

  JsonOutput(PrintStream out) {
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    try {
      json = new FindingsJsonWriter(this.out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void checked(CheckedBatch batch) {
    try {
      for (FindingRecord record : FindingRecords.of(batch)) {
        json.add(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void end(RunSummary summary) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("inputs", (long) summary.inputs());
    counts.put("spans", summary.spans());
    counts.put("traces", summary.traces());
    counts.put("findings", summary.findings());
    counts.put("malformed", summary.problems());
    counts.put("lateSpans", summary.lateSpans());
    counts.put("tracesCheckedEarly", summary.tracesCheckedEarly());
    json.summary(counts);
    try {
      json.close();
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
