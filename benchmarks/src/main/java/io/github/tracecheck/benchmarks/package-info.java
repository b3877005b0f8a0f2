/**
 * JMH benchmarks of the hot paths (forest building, the gate's rules, PII detection, awaiting), each
 * next to a baseline measured in the same run. Run with {@code -Pbenchmarks}.
 */
package io.github.tracecheck.benchmarks;
