package io.github.tracecheck.cli;

import io.github.tracecheck.report.FindingRecord;
import io.github.tracecheck.stream.CheckedBatch;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * An output for machines: each checked batch's findings as masked {@link FindingRecord}s handed to
 * a streaming writer (JSON, SARIF), the document ended with the run's summary and a newline.
 */
final class RecordOutput implements FindingsOutput {

  /** A document of findings being written. */
  interface RecordWriter {
    void add(FindingRecord record) throws IOException;

    /** Ends the document. */
    void end(RunSummary summary) throws IOException;
  }

  /** Makes the writer on the output's UTF-8 writer. */
  interface RecordWriterFactory {
    RecordWriter open(Writer out) throws IOException;
  }

  private final Writer out;
  private final RecordWriter writer;

  RecordOutput(PrintStream out, RecordWriterFactory factory) {
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    try {
      writer = factory.open(this.out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void checked(CheckedBatch batch) {
    try {
      for (FindingRecord record : FindingRecords.of(batch)) {
        writer.add(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void end(RunSummary summary) {
    try {
      writer.end(summary);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
