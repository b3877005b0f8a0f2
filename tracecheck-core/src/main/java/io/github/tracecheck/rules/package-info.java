/**
 * The checks run on captured traces. A {@link io.github.tracecheck.rules.Rule} carries its metadata
 * ({@link io.github.tracecheck.rules.RuleInfo}: name, one-line summary, default mode, conventions)
 * and returns {@link io.github.tracecheck.rules.Finding}s, each naming the rule, the span and what is
 * wrong, with the likely cause. {@link io.github.tracecheck.rules.Rules} lists the built-in rules
 * (orphaned roots, dangling parents, spans never ended, leaked scopes, missing error status, PII and
 * SQL literals); {@link io.github.tracecheck.rules.RuleSet} adds users' rules, given explicitly or
 * registered for {@link java.util.ServiceLoader}, each name once. {@link
 * io.github.tracecheck.rules.RuleOptions} holds the settings that change what the rules accept.
 */
package io.github.tracecheck.rules;
