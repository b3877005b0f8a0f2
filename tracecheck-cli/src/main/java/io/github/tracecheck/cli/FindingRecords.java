package io.github.tracecheck.cli;

import io.github.tracecheck.report.FindingRecord;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.stream.CheckedBatch;
import java.util.ArrayList;
import java.util.List;

/** A checked batch's findings as the machine-readable outputs write them: masked, each rule at its default level. */
final class FindingRecords {

  private FindingRecords() {}

  static List<FindingRecord> of(CheckedBatch batch) {
    List<FindingRecord> records = new ArrayList<>(batch.findings().size());
    for (Finding finding : batch.findings()) {
      records.add(FindingRecord.of(finding, batch.forest(), RuleModes.defaultMode(finding.rule()), null));
    }
    return records;
  }
}
