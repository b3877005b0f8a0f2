/** Services the cross-process tests run as child JVMs, and how they start them. */
package io.github.tracecheck.junit.process;
