package io.github.tracecheck.archfixture.rules;

import io.github.tracecheck.archfixture.model.FixtureSpan;
import io.github.tracecheck.archfixture.render.FixtureAssert;

/** A rule that uses the model (allowed) and draws its findings itself (a layer violation). */
public final class FixtureRule {

  public boolean flags(FixtureSpan span) {
    return FixtureAssert.drawn(span) != null;
  }
}
