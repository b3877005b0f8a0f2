/**
 * The command line over OTLP files: parses arguments, runs the core's reader and rules, prints the
 * findings and sets the exit code. Nothing else lives here.
 */
package io.github.tracecheck.cli;
