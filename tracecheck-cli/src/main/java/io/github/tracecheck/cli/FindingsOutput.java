package io.github.tracecheck.cli;

import io.github.tracecheck.stream.CheckedBatch;

/** Where the command line's findings go, batch by batch as the stream is checked, then a summary. */
interface FindingsOutput {

  /** The findings and malformed spans of traces just checked. */
  void checked(CheckedBatch batch);

  /** The stream has been read and checked. */
  void end(RunSummary summary);
}
