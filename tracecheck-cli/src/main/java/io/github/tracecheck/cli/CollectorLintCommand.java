package io.github.tracecheck.cli;

import io.github.tracecheck.collector.CollectorConfigException;
import io.github.tracecheck.collector.CollectorConfigLint;
import io.github.tracecheck.collector.LintResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tracecheck collector-lint [--trace-size SPANS,BYTES] FILE...}: checks the Collector
 * configuration files of one deployment (agents and gateways together) with {@link
 * CollectorConfigLint}. Exit codes as for traces: 0 no findings, 1 findings, 2 bad input or usage.
 */
final class CollectorLintCommand {

  /** The first argument that selects this command. */
  static final String NAME = "collector-lint";

  static final String USAGE = "usage: tracecheck collector-lint [--trace-size SPANS,BYTES] FILE...\n"
      + "Checks OpenTelemetry Collector configurations (every file of one deployment) for the traps of tail sampling.\n"
      + "  FILE                     a Collector YAML file\n"
      + "  --trace-size SPANS,BYTES the typical trace the memory check assumes (default "
      + CollectorConfigLint.DEFAULT_SPANS_PER_TRACE + "," + CollectorConfigLint.DEFAULT_BYTES_PER_SPAN + ")\n"
      + "checks: " + String.join(", ", CollectorConfigLint.defaults().checkNames()) + "\n"
      + "exit codes: 0 no findings, 1 findings, 2 bad input";

  private CollectorLintCommand() {}

  static int run(List<String> args, PrintStream out, PrintStream err) {
    CollectorConfigLint lint = CollectorConfigLint.defaults();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-h") || arg.equals("--help")) {
        out.println(USAGE);
        return TraceCheckCli.CLEAN;
      } else if (arg.equals("--trace-size") && i + 1 < args.size()) {
        String[] size = args.get(++i).split(",");
        try {
          lint = lint.withTraceSize(Integer.parseInt(size[0].trim()), Long.parseLong(size[1].trim()));
        } catch (RuntimeException e) {
          err.println("tracecheck: --trace-size takes SPANS,BYTES (two positive numbers), not " + args.get(i));
          return TraceCheckCli.BAD_INPUT;
        }
      } else if (arg.startsWith("-")) {
        err.println("tracecheck: unknown option " + arg + "\n" + USAGE);
        return TraceCheckCli.BAD_INPUT;
      } else {
        files.add(Path.of(arg));
      }
    }
    if (files.isEmpty()) {
      err.println(USAGE);
      return TraceCheckCli.BAD_INPUT;
    }
    LintResult result;
    try {
      result = lint.check(files.toArray(Path[]::new));
    } catch (CollectorConfigException e) {
      err.println("tracecheck: " + e.getMessage());
      return TraceCheckCli.BAD_INPUT;
    }
    out.print("tracecheck: checked " + files.size() + (files.size() == 1 ? " Collector configuration\n" : " Collector configurations\n"));
    out.print(result.render());
    return result.findings().isEmpty() ? TraceCheckCli.CLEAN : TraceCheckCli.FINDINGS;
  }
}
