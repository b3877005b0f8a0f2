package io.github.tracecheck.cli;

import io.github.tracecheck.rules.Rule;
import io.github.tracecheck.rules.RuleMode;
import io.github.tracecheck.rules.Rules;

/** The command line runs every built-in rule in its default mode: a failing rule's findings are errors. */
final class RuleModes {

  private RuleModes() {}

  static RuleMode defaultMode(String rule) {
    for (Rule builtIn : Rules.builtIn()) {
      if (builtIn.name().equals(rule)) {
        return builtIn.info().defaultMode();
      }
    }
    return RuleMode.FAIL;
  }
}
