package io.github.tracecheck.cli;

/**
 * What one run of the command line read and found.
 *
 * @param lateSpans spans that came after their trace had been checked (the window was too short for them)
 * @param tracesCheckedEarly traces checked before their window ended, to stay within the spans held
 */
record RunSummary(int inputs, long spans, long traces, long findings, long problems, long lateSpans, long tracesCheckedEarly) {

  /** "read 3 spans in 2 traces from 1 file". */
  String whatWasRead() {
    return "read " + spans + (spans == 1 ? " span" : " spans") + " in " + traces + (traces == 1 ? " trace" : " traces")
        + " from " + inputs + (inputs == 1 ? " file" : " files");
  }
}
