package io.github.tracecheck.archfixture.model;

import io.github.tracecheck.archfixture.rules.FixtureRule;

/** Breaks the layer order on purpose: the model uses a rule (and so closes a cycle). */
public final class FixtureSpan {

  public boolean flagged() {
    return new FixtureRule().flags(this);
  }
}
