package io.github.tracecheck.benchmarks;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Locale;

/**
 * Compares the gate of two or more builds in one JVM, for a change whose effect is near the
 * run-to-run noise of separate JMH runs (about 5% on 2 cores). Each build's benchmark jar is loaded by
 * a class loader of its own, so each runs its own classes, compiled on their own; the builds take
 * turns, round after round, so that whatever slows the machine for a while slows them alike. Each
 * round times 10 checks of {@link GateBenchmark#forestAndAllRules} on 100,000 spans, then 10 of
 * {@link GateBenchmark#everyCharacterPass}; the second half of the rounds (the first half warms up)
 * gives each build's median:
 *
 * <pre>
 * java -Xmx16g -cp benchmarks/target/benchmarks.jar io.github.tracecheck.benchmarks.GateAb 30 /tmp/before.jar benchmarks/target/benchmarks.jar
 * </pre>
 *
 * <p>Compare the gates' medians. The every-character passes are the same code in every build, yet
 * their medians differ by up to a fifth from one class loader to another (the compiler does not treat
 * two copies of a loop alike): a ratio to the pass of the same class loader is less steady here
 * than the gate's time itself.
 */
public final class GateAb {

  private static final int SPANS = 100_000;
  private static final int CALLS_PER_ROUND = 10;

  private GateAb() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: GateAb ROUNDS BENCHMARKS_JAR BENCHMARKS_JAR...");
      System.exit(2);
    }
    int rounds = Integer.parseInt(args[0]);
    Build[] builds = new Build[args.length - 1];
    for (int i = 0; i < builds.length; i++) {
      builds[i] = Build.load(new File(args[i + 1]), rounds);
    }
    long sink = 0; // results are summed and printed, so that no call can be left out as unused
    for (int round = 0; round < rounds; round++) {
      for (Build build : builds) {
        sink += build.timeRound(round);
      }
    }
    for (Build build : builds) {
      double gate = median(build.gateMillis, rounds / 2);
      double pass = median(build.passMillis, rounds / 2);
      System.out.printf(Locale.ROOT, "%s: gate median %.1f ms (fastest %.1f), every-character pass median %.1f ms%n",
          build.jar, gate, fastest(build.gateMillis, rounds / 2), pass);
    }
    System.out.println("(checksum " + sink + ")");
  }

  /** One build's benchmark, loaded apart from the others, and its times per round. */
  private static final class Build {
    final String jar;
    final Object benchmark;
    final Method gate;
    final Method pass;
    final double[] gateMillis;
    final double[] passMillis;

    private Build(String jar, Object benchmark, Method gate, Method pass, int rounds) {
      this.jar = jar;
      this.benchmark = benchmark;
      this.gate = gate;
      this.pass = pass;
      this.gateMillis = new double[rounds];
      this.passMillis = new double[rounds];
    }

    static Build load(File jar, int rounds) throws Exception {
      if (!jar.isFile()) {
        throw new IllegalArgumentException("no benchmarks jar at " + jar);
      }
      // The platform loader as parent: nothing of tracecheck or OpenTelemetry is shared between builds.
      ClassLoader loader = new URLClassLoader(new URL[] {jar.toURI().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> type = loader.loadClass(GateBenchmark.class.getName());
      Object benchmark = type.getConstructor().newInstance();
      type.getField("spans").setInt(benchmark, SPANS);
      type.getMethod("setUp").invoke(benchmark);
      return new Build(
          jar.getPath(), benchmark, type.getMethod("forestAndAllRules"), type.getMethod("everyCharacterPass"), rounds);
    }

    long timeRound(int round) throws Exception {
      long sum = 0;
      long start = System.nanoTime();
      for (int i = 0; i < CALLS_PER_ROUND; i++) {
        sum += ((Number) gate.invoke(benchmark)).longValue();
      }
      gateMillis[round] = (System.nanoTime() - start) / 1e6 / CALLS_PER_ROUND;
      start = System.nanoTime();
      for (int i = 0; i < CALLS_PER_ROUND; i++) {
        sum += ((Number) pass.invoke(benchmark)).longValue();
      }
      passMillis[round] = (System.nanoTime() - start) / 1e6 / CALLS_PER_ROUND;
      return sum;
    }
  }

  private static double median(double[] millis, int from) {
    double[] measured = Arrays.copyOfRange(millis, from, millis.length);
    Arrays.sort(measured);
    return measured[measured.length / 2];
  }

  private static double fastest(double[] millis, int from) {
    return Arrays.stream(millis, from, millis.length).min().orElseThrow();
  }
}
