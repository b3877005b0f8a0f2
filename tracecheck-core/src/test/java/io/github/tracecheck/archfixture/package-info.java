/**
 * Classes that break the core's layering on purpose (a package cycle, a lower layer using a higher
 * one, a dependency on AssertJ), so that {@code LayeringTest} can show its rules catch them.
 */
package io.github.tracecheck.archfixture;
