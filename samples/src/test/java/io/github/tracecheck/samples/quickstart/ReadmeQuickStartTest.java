package io.github.tracecheck.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The quick start in README.md is {@link QuickStartTest}, word for word, so it compiles and passes. */
class ReadmeQuickStartTest {

  @Test
  void readmeQuickStartIsTheTestedClass() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    String source =
        Files.readString(Path.of("src/test/java/io/github/tracecheck/samples/quickstart/QuickStartTest.java"));
    String withoutPackage = source.substring(source.indexOf('\n') + 1).strip();

    assertThat(readme).contains("```java\n" + withoutPackage + "\n```");
  }
}
