package io.github.tracecheck.benchmarks;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks (JMH options and a name filter may be passed as for JMH's own main) and
 * prints, after JMH's table, each result as a ratio to the baseline measured in the same run.
 */
public final class BenchmarkSummary {

  private BenchmarkSummary() {}

  public static void main(String[] args) throws RunnerException, org.openjdk.jmh.runner.options.CommandLineOptionException {
    CommandLineOptions commandLine = new CommandLineOptions(args);
    Options options = new OptionsBuilder().parent(commandLine).build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Double> scores = new HashMap<>();
    Map<String, String> units = new HashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      String key = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1) + paramsOf(result);
      scores.put(key, result.getPrimaryResult().getScore());
      units.put(key, result.getPrimaryResult().getScoreUnit());
    }
    System.out.println("\nSummary (ratio = time / baseline time in the same run):");
    for (Map.Entry<String, Double> entry : scores.entrySet()) {
      String key = entry.getKey();
      String baselineKey = key.replaceAll("\\.[A-Za-z]+(?=\\[|$)", ".barePass");
      Double baseline = scores.get(baselineKey);
      String ratio = baseline == null || baselineKey.equals(key) ? "baseline" : String.format(Locale.ROOT, "%.2fx", entry.getValue() / baseline);
      // where a benchmark has it, also the ratio to the pass reading every character of every string
      Double everyCharacter = scores.get(key.replaceAll("\\.[A-Za-z]+(?=\\[|$)", ".everyCharacterPass"));
      if (everyCharacter != null && !key.contains(".everyCharacterPass")) {
        ratio += String.format(Locale.ROOT, " (%.2fx the every-character pass)", entry.getValue() / everyCharacter);
      }
      System.out.printf(Locale.ROOT, "  %-60s %12.3f %-6s %s%n", key, entry.getValue(), units.get(key), ratio);
    }
  }

  private static String paramsOf(RunResult result) {
    StringBuilder out = new StringBuilder();
    for (String param : result.getParams().getParamsKeys()) {
      out.append(out.length() == 0 ? "[" : ",").append(param).append('=').append(result.getParams().getParam(param));
    }
    return out.length() == 0 ? "" : out.append(']').toString();
  }
}
