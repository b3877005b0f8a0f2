/**
 * Helpers the rules share (how a finding quotes a span). Not an API: anything here may change.
 */
package io.github.tracecheck.rules.internal;
