/**
 * Finding personal data and secrets in telemetry, and masking them so that a finding never leaks
 * what it found. A {@link io.github.tracecheck.pii.PiiDetector} finds one kind of value, says how to
 * mask it and whether it is a credential; {@link io.github.tracecheck.pii.Detectors} holds the
 * built-in ones (a regular expression plus a validator each, such as Luhn for cards) and {@link
 * io.github.tracecheck.pii.RegexDetector} makes users' own. {@link io.github.tracecheck.pii.PiiScanner}
 * runs a list of detectors reading each text once for all of them. {@link io.github.tracecheck.pii.Masking}
 * redacts free text, {@link io.github.tracecheck.pii.PiiAllowance} exempts a known detection with a
 * reason, and {@link io.github.tracecheck.pii.SqlLiterals} finds literals where SQL parameters belong.
 */
package io.github.tracecheck.pii;
