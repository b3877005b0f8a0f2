package io.github.tracecheck.cli;

import io.github.tracecheck.otlp.OtlpFiles;
import io.github.tracecheck.rules.RuleOptions;
import io.github.tracecheck.stream.WindowSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The command line's arguments, parsed; a wrong one is a {@link UsageException} naming it. */
record CliArguments(List<String> inputs, RuleOptions options, WindowSettings window, OutputFormat format, boolean help) {

  /** Thrown for arguments that cannot be used; the message names the argument. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(ns|us|ms|s|m|h)");

  static CliArguments parse(String[] args) throws UsageException {
    List<String> inputs = new ArrayList<>();
    RuleOptions options = RuleOptions.defaults();
    WindowSettings window = WindowSettings.defaults();
    OutputFormat format = OutputFormat.TEXT;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-h", "--help" -> {
          return new CliArguments(List.of(), options, window, format, true);
        }
        case "--no-links" -> options = options.withLinksConnect(false);
        case "--window" -> window = window.withWindow(duration(value(args, ++i, arg)));
        case "--max-spans" -> window = window.withMaxSpansHeld(count(value(args, ++i, arg), arg));
        case "--format" -> format = OutputFormat.parse(value(args, ++i, arg));
        default -> {
          if (arg.startsWith("-") && !arg.equals(OtlpFiles.STANDARD_INPUT)) {
            throw new UsageException("unknown option " + arg);
          }
          inputs.add(arg);
        }
      }
    }
    if (inputs.isEmpty()) {
      throw new UsageException("no input: name OTLP files (JSON or protobuf), or - for standard input");
    }
    return new CliArguments(List.copyOf(inputs), options, window, format, false);
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  /** "30s", "500ms", "2m": a whole number and a unit. */
  static Duration duration(String text) throws UsageException {
    Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new UsageException("--window " + text + ": not a duration such as 30s, 500ms or 2m");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ns" -> Duration.ofNanos(n);
      case "us" -> Duration.ofNanos(n * 1000);
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  private static long count(String text, String option) throws UsageException {
    try {
      long n = Long.parseLong(text.strip().replace("_", ""));
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(option + " " + text + ": not a whole number of at least 1");
  }
}
