package io.github.tracecheck.junit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A service a test runs as a separate process - a child JVM, a Node.js service, a binary - whose
 * spans reach the test through the OTLP receiver. Its output is read as it comes (so the process
 * never blocks on a full pipe) and kept for failure messages; {@link #awaitLine} waits for the
 * line a service prints when it is ready, without polling. Closing it closes the process's
 * standard input (a service can stop on that and flush its spans), then waits for it to exit and
 * kills it if it does not.
 *
 * <pre>{@code
 * ProcessBuilder node = new ProcessBuilder("node", "service.js");
 * node.environment().putAll(endpoints.environment(OtlpProtocol.HTTP_PROTOBUF));
 * try (ServiceProcess service = ServiceProcess.start(node)) {
 *   int port = Integer.parseInt(service.awaitLine("listening on ", Duration.ofSeconds(30)));
 *   ...
 * }
 * }</pre>
 */
public final class ServiceProcess implements AutoCloseable {

  private final Process process;
  private final String name;
  private final List<String> lines = new ArrayList<>(); // guarded by itself
  private boolean ended; // guarded by lines

  private ServiceProcess(Process process, String name) {
    this.process = process;
    this.name = name;
    Thread reader = new Thread(this::readOutput, "tracecheck-output-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the process, its standard error merged into its output. */
  public static ServiceProcess start(ProcessBuilder builder) throws IOException {
    String name = builder.command().isEmpty() ? "process" : builder.command().get(builder.command().size() - 1);
    return new ServiceProcess(builder.redirectErrorStream(true).start(), name);
  }

  private void readOutput() {
    try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // the process is gone: the same as the end of its output
    } finally {
      synchronized (lines) {
        ended = true;
        lines.notifyAll();
      }
    }
  }

  /**
   * Waits until the process prints a line starting with {@code prefix} and returns the rest of the
   * line, stripped.
   *
   * @throws AssertionError with everything the process printed, when it exits or the timeout
   *     passes first
   */
  public String awaitLine(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      int checked = 0;
      while (true) {
        for (; checked < lines.size(); checked++) {
          if (lines.get(checked).startsWith(prefix)) {
            return lines.get(checked).substring(prefix.length()).strip();
          }
        }
        long remaining = deadline - System.nanoTime();
        if (ended || remaining <= 0) {
          throw new AssertionError("the process " + name + " did not print \"" + prefix + "...\" "
              + (ended ? "before it exited" : "within " + timeout.toMillis() + " ms") + "; it printed:\n"
              + String.join("\n", lines));
        }
        TimeUnit.NANOSECONDS.timedWait(lines, remaining);
      }
    }
  }

  /** Everything the process printed so far. */
  public String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /** Closes the process's standard input, waits up to 20 s for it to exit, then kills it. */
  @Override
  public void close() throws IOException, InterruptedException {
    process.getOutputStream().close();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
