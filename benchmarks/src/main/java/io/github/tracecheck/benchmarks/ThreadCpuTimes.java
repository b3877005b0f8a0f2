package io.github.tracecheck.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time each thread of this JVM spent while something ran, the JVM's own threads included
 * (the garbage collector's, the compilers'), read from Linux's {@code /proc/self/task}: a thread
 * that ends while it runs is counted too, as the table is read every few milliseconds. Threads are
 * grouped by name without their numbers ({@code GC Thread#0} and {@code GC Thread#1} are one
 * line). Where there is no {@code /proc}, the table is empty.
 */
final class ThreadCpuTimes {

  private static final String SAMPLER = "cpu-sampler";
  private static final Path TASKS = Path.of("/proc/self/task");
  private static final long READ_EVERY_MILLIS = 20;
  /** Linux counts CPU time in clock ticks of 10 ms (USER_HZ 100 on every common build). */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private final Map<String, Long> before;
  private final Map<String, Long> latest = new HashMap<>();
  private final Thread reader;
  private volatile boolean stopped;

  private ThreadCpuTimes() {
    before = read();
    latest.putAll(before);
    reader = new Thread(this::readUntilStopped, SAMPLER);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts counting from now. */
  static ThreadCpuTimes start() {
    return new ThreadCpuTimes();
  }

  /** Stops counting: the CPU time of each group of threads since {@link #start()}, in nanoseconds, by name. */
  Map<String, Long> stop() throws InterruptedException {
    stopped = true;
    reader.join();
    merge(read());
    Map<String, Long> byGroup = new TreeMap<>();
    latest.forEach((thread, ticks) -> {
      long spent = ticks - before.getOrDefault(thread, 0L);
      if (spent > 0 && !group(thread).equals(SAMPLER)) {
        byGroup.merge(group(thread), spent * NANOS_PER_TICK, Long::sum);
      }
    });
    return byGroup;
  }

  private void readUntilStopped() {
    while (!stopped) {
      merge(read());
      try {
        Thread.sleep(READ_EVERY_MILLIS); // a sampler's period, not a wait for a condition
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void merge(Map<String, Long> now) {
    now.forEach((thread, ticks) -> latest.merge(thread, ticks, Math::max));
  }

  /** "GC Thread#1" and "tracecheck-cros" (Linux keeps 15 characters of a name) as their group. */
  private static String group(String thread) {
    return thread.replaceAll("#\\d+$", "").replaceAll("[#\\d]+$", "").trim();
  }

  /** Each live thread's user and system ticks so far, by its name and id. */
  private static Map<String, Long> read() {
    Map<String, Long> ticks = new HashMap<>();
    if (!Files.isDirectory(TASKS)) {
      return ticks;
    }
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          int nameStart = stat.indexOf('(');
          int nameEnd = stat.lastIndexOf(')');
          String[] fields = stat.substring(nameEnd + 2).split(" ");
          // fields after the name: state is the 1st, utime the 12th, stime the 13th
          ticks.put(stat.substring(nameStart + 1, nameEnd) + "#" + task.getFileName(),
              Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
          // the thread ended between listing and reading: its last reading stands
        }
      }
    } catch (IOException e) {
      // no table this time: the next reading has it
    }
    return ticks;
  }
}
