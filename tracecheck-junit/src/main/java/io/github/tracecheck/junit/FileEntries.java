package io.github.tracecheck.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.MediaType;

/**
 * Attaches copies of report files to a test through JUnit's file entries, for IDEs and build tools.
 *
 * <p>Uses {@code org.junit.jupiter.api.extension.MediaType}, the one media type class that JUnit
 * 5.12 through 6.x all have (5.14 added {@code org.junit.jupiter.api.MediaType} and deprecated this
 * one). Where file entries cannot be published - a launcher without an output directory, or a JUnit
 * without this class - the files are still written and named in a report entry: nothing fails.
 */
final class FileEntries {

  private FileEntries() {}

  @SuppressWarnings("deprecation")
  static void publish(ExtensionContext context, Path dir, String name, String mediaType) {
    try {
      context.publishFile("tracecheck-" + name, MediaType.parse(mediaType), target -> Files.copy(dir.resolve(name), target));
    } catch (RuntimeException | LinkageError e) {
      // Quietly without: the report entry published with the files already names them.
    }
  }
}
