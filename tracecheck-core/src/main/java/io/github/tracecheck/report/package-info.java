/**
 * Files for CI: a self-contained HTML page per test, Mermaid diagrams of the hops, and the run's
 * index page. Everything written is masked.
 */
package io.github.tracecheck.report;
