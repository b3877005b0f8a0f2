package io.github.tracecheck.springtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Spring Boot quick start in README.md is {@link CheckoutTracingTest}, word for word. */
class ReadmeSpringQuickStartTest {

  @Test
  void readmeSpringQuickStartIsTheTestedClass() throws Exception {
    String readme = Files.readString(Path.of("..", "..", "README.md"));
    String source =
        Files.readString(Path.of("src/test/java/io/github/tracecheck/springtests/CheckoutTracingTest.java"));
    String withoutPackage = source.substring(source.indexOf('\n') + 1).strip();

    assertThat(readme).contains("```java\n" + withoutPackage + "\n```");
  }
}
