/**
 * Captured spans as data: {@link io.github.tracecheck.model.TraceForest} groups spans by trace into
 * trees of {@link io.github.tracecheck.model.SpanNode}s, built in one iterative pass, with malformed
 * input kept and listed as {@link io.github.tracecheck.model.ForestProblem}s. Data only: no
 * rules, no rendering, no masking (whoever prints model text masks it).
 */
package io.github.tracecheck.model;
