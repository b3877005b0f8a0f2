package io.github.tracecheck.junit.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started by a test, on the test's class path, with the environment and options given;
 * closing it closes its standard input (the services stop on that) and waits for it to exit.
 */
public final class ChildJvm implements AutoCloseable {

  private final Process process;
  private final String name;
  // Everything the child printed, read by a daemon thread so that its output pipe never fills up.
  private final List<String> lines = new ArrayList<>(); // guarded by itself
  private boolean ended; // guarded by lines

  private ChildJvm(Process process, String name) {
    this.process = process;
    this.name = name;
    Thread reader = new Thread(this::readOutput, name + "-output");
    reader.setDaemon(true);
    reader.start();
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
      // the child is gone: same as the end of its output
    } finally {
      synchronized (lines) {
        ended = true;
        lines.notifyAll();
      }
    }
  }

  /**
   * Starts {@code mainClass} in a new JVM.
   *
   * @param jvmOptions e.g. {@code -javaagent:...} and {@code -D...} options
   */
  public static ChildJvm start(Class<?> mainClass, Map<String, String> environment, List<String> jvmOptions,
      String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    return new ChildJvm(builder.start(), mainClass.getSimpleName());
  }

  /**
   * Waits until the child prints a line starting with {@code prefix} and returns the rest of it;
   * fails, with what the child printed, if it exits or the timeout passes first.
   */
  public String awaitLine(String prefix, long timeoutSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    synchronized (lines) {
      int checked = 0;
      while (true) {
        for (; checked < lines.size(); checked++) {
          if (lines.get(checked).startsWith(prefix)) {
            return lines.get(checked).substring(prefix.length());
          }
        }
        long remaining = deadline - System.nanoTime();
        if (ended || remaining <= 0) {
          throw new AssertionError("the child JVM " + name + " did not print \"" + prefix + "...\" "
              + (ended ? "before it exited" : "within " + timeoutSeconds + "s") + "; it printed:\n" + String.join("\n", lines));
        }
        TimeUnit.NANOSECONDS.timedWait(lines, remaining);
      }
    }
  }

  /** What the child printed so far, for failure messages. */
  public String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  @Override
  public void close() throws InterruptedException, IOException {
    process.getOutputStream().close();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
