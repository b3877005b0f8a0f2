package io.github.tracecheck.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link SourceSite}'s path ({@code com/example/Checkout.java}) into the path code scanning
 * shows it under: found in the source directories of the working directory (a Maven or Gradle
 * module) and made relative to the repository (the nearest directory with {@code .git}). A path
 * not found is kept as it is.
 */
public final class SourceRoots {

  private static final List<String> SOURCE_DIRECTORIES =
      List.of("src/main/java", "src/test/java", "src/main/kotlin", "src/test/kotlin", "");

  private final Path workingDirectory;
  private final Path repository;
  private final Map<String, String> resolved = new HashMap<>();

  public SourceRoots(Path workingDirectory) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    Path root = this.workingDirectory;
    while (root != null && !Files.exists(root.resolve(".git"))) {
      root = root.getParent();
    }
    this.repository = root == null ? this.workingDirectory : root;
  }

  /** The process's working directory. */
  public static SourceRoots ofWorkingDirectory() {
    return new SourceRoots(Path.of(""));
  }

  /** The path of the file in the repository, with {@code /} separators. */
  public synchronized String uri(String path) {
    return resolved.computeIfAbsent(path, this::find);
  }

  private String find(String path) {
    for (String directory : SOURCE_DIRECTORIES) {
      try {
        Path candidate = workingDirectory.resolve(directory).resolve(path).normalize();
        if (candidate.startsWith(repository) && Files.isRegularFile(candidate)) {
          return repository.relativize(candidate).toString().replace('\\', '/');
        }
      } catch (java.nio.file.InvalidPathException e) {
        break; // not a path of this file system: kept as it is
      }
    }
    return path.replace('\\', '/');
  }
}
