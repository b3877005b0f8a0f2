package io.github.tracecheck.cli;

import io.github.tracecheck.model.ForestProblem;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.otlp.OtlpFormatException;
import io.github.tracecheck.otlp.OtlpFiles;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.Rule;
import io.github.tracecheck.render.FindingsReport;
import io.github.tracecheck.rules.RuleOptions;
import io.github.tracecheck.rules.Rules;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks traces exported as OTLP JSON files, e.g. by the Collector's file exporter from a staging
 * run, with the rules the JUnit gate runs. The files are read together, so that a hop between two
 * services whose spans sit in different files is still checked.
 *
 * <pre>
 * java -jar tracecheck-cli.jar [--no-links] FILE...
 * </pre>
 *
 * <p>The FILE {@code -} is standard input. Reading the files and checking them is the core's
 * ({@link OtlpFiles}, {@link Rules}); this class parses the arguments, prints and picks the exit code.
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
            "usage: tracecheck [--no-links] FILE...\n"
                + "Checks OpenTelemetry traces in OTLP JSON files (one document, or one per line).\n"
                + "  FILE        an OTLP JSON file, or - for standard input\n"
                + "  --no-links  a consumer that only links to its producer counts as an orphan\n"
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

  /**
   * Runs the command line; a failure of the tool itself - out of memory, a bug - is exit code 3 with
   * one line saying what to change, never a stack trace and never a code that reads as a result.
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

  /** Runs the command line with the process's standard input; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  /** Runs the command line; {@code in} is read for the input {@code -}. Returns the exit code. */
  private static int check(String[] args, InputStream in, PrintStream out, PrintStream err) {
    RuleOptions options = RuleOptions.defaults();
    List<String> inputs = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--no-links")) {
        options = options.withLinksConnect(false);
      } else if (arg.equals("-h") || arg.equals("--help")) {
        out.println(USAGE);
        return CLEAN;
      } else if (arg.startsWith("-") && !arg.equals(OtlpFiles.STANDARD_INPUT)) {
        err.println("tracecheck: unknown option " + arg + "\n" + USAGE);
        return BAD_INPUT;
      } else {
        inputs.add(arg);
      }
    }
    if (inputs.isEmpty()) {
      err.println(USAGE);
      return BAD_INPUT;
    }
    List<SpanData> spans;
    try {
      spans = OtlpFiles.read(inputs, in);
    } catch (OtlpFormatException e) {
      err.println("tracecheck: " + e.getMessage());
      return BAD_INPUT;
    }
    TraceForest forest = TraceForest.of(spans);
    out.println("tracecheck: read " + spans.size() + " spans in " + forest.traces().size() + " traces from "
        + inputs.size() + (inputs.size() == 1 ? " file" : " files"));
    for (ForestProblem problem : forest.problems()) {
      out.println("malformed: " + Masking.redact(problem.toString()));
    }
    List<Finding> findings = Rules.check(forest, Rules.builtIn(), options);
    if (findings.isEmpty()) {
      out.println("no findings");
    } else {
      out.println(FindingsReport.render("found " + FindingsReport.count(findings.size()) + ":", findings, forest));
    }
    return findings.isEmpty() && forest.problems().isEmpty() ? CLEAN : FINDINGS;
  }
}
