package io.github.tracecheck.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.tracecheck.cli.TraceCheckCli;
import io.github.tracecheck.otlp.OtlpFiles;
import io.github.tracecheck.otlp.OtlpFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The command line's throughput and memory on a large OTLP file, against a bare Jackson streaming
 * pass over the same file (every token read, every string's text taken) measured in the same JVM,
 * best of {@code rounds}:
 *
 * <pre>
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar io.github.tracecheck.benchmarks.CliThroughput /tmp/spans-1m.jsonl 2 [CLI OPTION...]
 * </pre>
 *
 * <p>Memory is the largest heap in use right after a garbage collection while the command line ran:
 * what it held, not the garbage it made.
 *
 * <p>The time of reading the file into {@code SpanData} alone (what the command line's reading
 * thread does, with nothing checked) is compared with the bare pass too, and the bytes it allocates
 * per span are counted (the garbage the collector has to clear after the reader, with what it keeps).
 *
 * <p>Besides the wall-clock time, the CPU time the whole JVM spent (every thread: the reading and
 * checking, the garbage collector, the compiler) is compared the same way: on a machine whose cores
 * other work shares, it is the steadier of the two. On Linux it also prints how that CPU time
 * divided among the threads in the fastest round ({@link ThreadCpuTimes}): the reading thread
 * ({@code tracecheck-read}), the checking thread (the JVM's first thread, {@code java} in Linux's
 * table), the cross-trace rules' thread ({@code tracecheck-cros}), the garbage collector's and the
 * compilers'.
 */
public final class CliThroughput {

  private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();

  private CliThroughput() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    List<String> cliArgs = new ArrayList<>(args.length > 2 ? List.of(args).subList(2, args.length) : List.of());
    cliArgs.add(file.toString());
    watchTheHeapAfterEachCollection();
    long bare = Long.MAX_VALUE;
    long reading = Long.MAX_VALUE;
    long readingBytesPerSpan = Long.MAX_VALUE;
    long cli = Long.MAX_VALUE;
    long bareCpu = Long.MAX_VALUE;
    long cliCpu = Long.MAX_VALUE;
    int exit = -1;
    long peak = 0;
    Map<String, Long> cpuByThread = Map.of();
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      long startCpu = processCpuNanos();
      long characters = barePass(file);
      bare = Math.min(bare, System.nanoTime() - start);
      bareCpu = Math.min(bareCpu, processCpuNanos() - startCpu);
      start = System.nanoTime();
      long allocatedBefore = allocatedByThisThread();
      long spans = readOnly(file);
      reading = Math.min(reading, System.nanoTime() - start);
      readingBytesPerSpan = Math.min(readingBytesPerSpan, (allocatedByThisThread() - allocatedBefore) / Math.max(1, spans));
      // No System.gc() here: after a full collection G1 shrinks the heap to what is live (to about 25 MB
      // here), and the command line would then start from a heap far smaller than a fresh JVM's initial
      // one and spend its first seconds growing it. The garbage of the passes above is young: the first
      // collections of the run clear it.
      PEAK_AFTER_GC.set(0);
      start = System.nanoTime();
      startCpu = processCpuNanos();
      ThreadCpuTimes threads = ThreadCpuTimes.start();
      exit = TraceCheckCli.run(cliArgs.toArray(String[]::new), InputStream.nullInputStream(),
          new PrintStream(OutputStream.nullOutputStream()), System.err);
      long took = System.nanoTime() - start;
      Map<String, Long> byThread = threads.stop();
      if (took < cli) {
        cpuByThread = byThread;
      }
      cli = Math.min(cli, took);
      cliCpu = Math.min(cliCpu, processCpuNanos() - startCpu);
      peak = Math.max(peak, PEAK_AFTER_GC.get());
      System.out.printf(Locale.ROOT,
          "round %d: bare pass %.1f s (%d characters), reading into SpanData %.1f s (%d spans), command line %.1f s, exit %d%n",
          round + 1, bare / 1e9, characters, reading / 1e9, spans, cli / 1e9, exit);
    }
    long bytes = Files.size(file);
    System.out.printf(Locale.ROOT,
        "%s (%d MB): command line %.1f s, bare Jackson pass %.1f s: %.2fx; CPU time %.1f s vs %.1f s: %.2fx;"
            + " reading alone %.2fx, %d bytes allocated per span; peak heap after GC %d MB of %d MB max; exit %d%n",
        file.getFileName(), bytes >> 20, cli / 1e9, bare / 1e9, (double) cli / bare, cliCpu / 1e9, bareCpu / 1e9,
        (double) cliCpu / bareCpu, (double) reading / bare, readingBytesPerSpan, peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20, exit);
    StringBuilder threads = new StringBuilder("CPU time by thread in the fastest round (Linux):");
    cpuByThread.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> threads.append(String.format(Locale.ROOT, " %s %.2f s;", e.getKey(), e.getValue() / 1e9)));
    System.out.println(threads);
  }

  /** The bytes this thread has allocated so far: reading alone runs on it, so the difference is the reader's. */
  private static long allocatedByThisThread() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  /** The CPU time of every thread of this JVM so far. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Reads every token; the text of every string and number is taken, so every character is looked at. */
  static long barePass(Path file) throws IOException {
    long characters = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        JsonParser json = new JsonFactory().createParser(in)) {
      JsonToken token;
      while ((token = json.nextToken()) != null) {
        if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME || token.isNumeric()) {
          characters += json.getTextLength();
        }
      }
    }
    return characters;
  }

  /** Reads the file into {@code SpanData} on this thread, as the command line's reading thread does, and checks nothing. */
  static long readOnly(Path file) throws OtlpFormatException {
    long[] spans = {0};
    OtlpFiles.stream(List.of(file.toString()), InputStream.nullInputStream(), span -> spans[0]++);
    return spans[0];
  }

  private static void watchTheHeapAfterEachCollection() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          long used = 0;
          for (MemoryUsage pool : info.getGcInfo().getMemoryUsageAfterGc().values()) {
            used += pool.getUsed();
          }
          PEAK_AFTER_GC.accumulateAndGet(used, Math::max);
        }
      }, null, null);
    }
  }
}
