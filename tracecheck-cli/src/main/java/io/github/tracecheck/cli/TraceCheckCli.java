package io.github.tracecheck.cli;

import io.github.tracecheck.otlp.OtlpFiles;
import io.github.tracecheck.otlp.OtlpFormatException;
import io.github.tracecheck.rules.Rule;
import io.github.tracecheck.rules.Rules;
import io.github.tracecheck.stream.ReadAhead;
import io.github.tracecheck.stream.WindowSettings;
import io.github.tracecheck.stream.WindowedChecker;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Checks traces exported as OTLP files - JSON, or the Collector's file exporter's {@code format:
 * proto} - e.g. by the Collector from a staging run, with the rules the JUnit gate runs. The files are read together as one stream, so that a hop
 * between two services whose spans sit in different files is still checked, and a file larger than
 * memory is checked in a window of span time ({@link WindowedChecker}).
 *
 * <pre>
 * java -jar tracecheck-cli.jar [--format text|json|sarif] [--window 30s] [--max-spans N] [--no-links] FILE...
 * java -jar tracecheck-cli.jar collector-lint FILE...
 * </pre>
 *
 * <p>The FILE {@code -} is standard input. Reading and checking are the core's ({@link OtlpFiles},
 * {@link WindowedChecker}), on two threads ({@link ReadAhead}); this class parses the arguments,
 * picks the output and the exit code.
 *
 * <p>Exit codes: 0 no findings, 1 findings (or malformed spans), 2 bad input or usage, 3 the tool
 * failed (out of memory, internal error).
 */
public final class TraceCheckCli {

  static final int CLEAN = 0;
  static final int FINDINGS = 1;
  static final int BAD_INPUT = 2;
  static final int TOOL_FAILED = 3;

  private static final String USAGE = usage();

  /** The usage text; the rules and what each catches come from the rules' own metadata. */
  static String usage() {
    StringBuilder usage =
        new StringBuilder(
            "usage: tracecheck [--format text|json|sarif] [--window 30s] [--max-spans N] [--no-links] FILE...\n"
                + "Checks OpenTelemetry traces in OTLP files: JSON (one document, or one per line) or protobuf\n"
                + "(the Collector's file exporter with format: proto).\n"
                + "  FILE             an OTLP file, or - for standard input; .json/.jsonl/.ndjson are JSON, .pb/.binpb/.protobuf\n"
                + "                   protobuf, other names by their first byte ({, [, white space or a byte-order mark: JSON)\n"
                + "  --format F       text (default), json, or sarif (SARIF 2.1.0 for code scanning)\n"
                + "  --window D       a trace is checked once quiet for D of span time (default 30s; ms, s, m, h)\n"
                + "  --max-spans N    the most spans held at once (default " + WindowSettings.DEFAULT_MAX_SPANS_HELD
                + "); past it traces are checked early\n"
                + "  --no-links       a consumer that only links to its producer counts as an orphan\n"
                + "rules:\n");
    for (Rule rule : Rules.builtIn()) {
      usage.append(String.format("  %-21s %s%n", rule.name(), rule.info().summary()));
    }
    return usage.append("exit codes: 0 no findings, 1 findings, 2 bad input, 3 the tool failed (out of memory, internal error)")
        .toString();
  }

  private TraceCheckCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs the command line with the process's standard input; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  /**
   * Runs the command line; {@code in} is read for the input {@code -}. A failure of the tool itself
   * - out of memory, a bug - is exit code 3 with one line saying what to change, never a stack trace
   * and never a code that reads as a result.
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    try {
      return check(args, in, out, err);
    } catch (OutOfMemoryError e) {
      err.println(ToolFailure.outOfMemory(Runtime.getRuntime().maxMemory()));
      return TOOL_FAILED;
    } catch (RuntimeException | StackOverflowError e) {
      err.println(ToolFailure.internalError(e));
      return TOOL_FAILED;
    }
  }

  private static int check(String[] args, InputStream in, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals(CollectorLintCommand.NAME)) {
      return CollectorLintCommand.run(List.of(args).subList(1, args.length), out, err);
    }
    CliArguments arguments;
    try {
      arguments = CliArguments.parse(args);
    } catch (CliArguments.UsageException e) {
      err.println("tracecheck: " + e.getMessage() + "\n" + USAGE);
      return BAD_INPUT;
    }
    if (arguments.help()) {
      out.println(USAGE);
      return CLEAN;
    }
    ExecutorService crossTraceRules = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "tracecheck-cross-trace-rules");
      thread.setDaemon(true);
      return thread;
    });
    try {
      return check(arguments, in, out, err, crossTraceRules);
    } finally {
      crossTraceRules.shutdownNow();
    }
  }

  /** Reads on one thread, checks on this one, with the orphan rule of each batch on {@code crossTraceRules}. */
  private static int check(CliArguments arguments, InputStream in, PrintStream out, PrintStream err,
      ExecutorService crossTraceRules) {
    FindingsOutput output = output(arguments, out);
    long[] findingsAndProblems = new long[2];
    WindowedChecker checker = new WindowedChecker(arguments.window(), Rules.builtIn(), arguments.options(),
        crossTraceRules, batch -> {
      findingsAndProblems[0] += batch.findings().size();
      findingsAndProblems[1] += batch.problems().size();
      output.checked(batch);
    });
    try {
      // parsing on one core, grouping and checking on another
      ReadAhead.stream(spans -> OtlpFiles.stream(arguments.inputs(), in, spans), checker);
    } catch (OtlpFormatException e) {
      err.println("tracecheck: " + e.getMessage());
      return BAD_INPUT;
    }
    checker.finish();
    RunSummary summary = new RunSummary(arguments.inputs().size(), checker.spans(), checker.traces(),
        findingsAndProblems[0], findingsAndProblems[1], checker.lateSpans(), checker.tracesCheckedEarly());
    output.end(summary);
    warnAboutTheWindow(summary, arguments.window(), err);
    return summary.findings() == 0 && summary.problems() == 0 ? CLEAN : FINDINGS;
  }

  private static FindingsOutput output(CliArguments arguments, PrintStream out) {
    return switch (arguments.format()) {
      case TEXT -> new TextOutput(out);
      case JSON -> JsonOutput.to(out);
      case SARIF -> SarifOutput.to(out, arguments.inputs());
    };
  }

  /** Late spans and traces checked early may hide or invent findings: the setting to change is named. */
  private static void warnAboutTheWindow(RunSummary summary, WindowSettings window, PrintStream err) {
    if (summary.lateSpans() > 0) {
      err.println("tracecheck: warning: " + summary.lateSpans() + " spans came more than the window ("
          + window.windowNanos() / 1_000_000 + " ms of span time) after their trace was checked; they were checked"
          + " with their trace again or, once it was dropped, alone (an orphan's cause may be missed): raise --window");
    }
    if (summary.tracesCheckedEarly() > 0) {
      err.println("tracecheck: warning: " + summary.tracesCheckedEarly() + " traces were checked before their window"
          + " ended, to hold at most " + window.maxSpansHeld() + " spans: raise --max-spans (and the heap, -Xmx)");
    }
  }
}
