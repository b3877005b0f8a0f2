package io.github.tracecheck.cli;

import io.github.tracecheck.pii.Masking;

/**
 * The one line printed when the command line itself failed (exit code 3), so that CI never reads a
 * crash as a result: what happened and the setting to change.
 */
final class ToolFailure {

  private ToolFailure() {}

  /** Out of memory: the heap the JVM had, and how to give it more or need less. */
  static String outOfMemory(long maxHeapBytes) {
    return "tracecheck: failed: out of memory with a heap of " + (maxHeapBytes >> 20) + " MB; give the JVM more"
        + " (java -Xmx2g -jar tracecheck-cli.jar ...) or hold fewer traces at once (a smaller --window or --max-spans)";
  }

  /** A bug: the exception's type and message on one line, and where to report it. */
  static String internalError(Throwable error) {
    // masked: a message may quote span data
    String message = error.getMessage() == null ? "" : ": " + Masking.redact(error.getMessage().replaceAll("\\s+", " "));
    return "tracecheck: failed: internal error " + error.getClass().getName() + message
        + " (a bug in tracecheck: please report it with the input that caused it)";
  }
}
