package io.github.tracecheck.junit.process;

import io.github.tracecheck.junit.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a main class of the test class path as a separate JVM, a {@link ServiceProcess}. */
public final class ChildJvm {

  private ChildJvm() {}

  /**
   * Starts {@code mainClass} in a new JVM.
   *
   * @param jvmOptions e.g. {@code -javaagent:...} and {@code -D...} options
   */
  public static ServiceProcess start(Class<?> mainClass, Map<String, String> environment, List<String> jvmOptions,
      String... args) throws IOException {
    return start(mainClass, System.getProperty("java.class.path"), environment, jvmOptions, args);
  }

  /** Starts {@code mainClass} in a new JVM with the given class path. */
  public static ServiceProcess start(Class<?> mainClass, String classPath, Map<String, String> environment,
      List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    return ServiceProcess.start(builder);
  }
}
