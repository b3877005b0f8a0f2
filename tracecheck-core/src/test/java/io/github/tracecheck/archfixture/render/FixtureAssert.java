package io.github.tracecheck.archfixture.render;

import io.github.tracecheck.archfixture.model.FixtureSpan;
import org.assertj.core.api.Assertions;

/** Uses AssertJ, which no class of the core may do. */
public final class FixtureAssert {

  private FixtureAssert() {}

  public static String drawn(FixtureSpan span) {
    Assertions.assertThat(span).isNotNull();
    return span.toString();
  }
}
