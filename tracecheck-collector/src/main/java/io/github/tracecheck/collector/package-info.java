/**
 * The OpenTelemetry Collector's trace processing, applied in a test: {@link
 * io.github.tracecheck.collector.CollectorPipeline} loads the Collector configuration a team
 * deploys and runs its {@code transform} (an OTTL subset) and {@code redaction} processors on
 * captured spans ({@code batch} and {@code memory_limiter} pass them through), so that a test can
 * check what would leave the Collector. {@link io.github.tracecheck.collector.TailSamplingProcessor}
 * simulates the {@code tail_sampling} processor's decisions, asserted with {@link
 * io.github.tracecheck.collector.CollectorAssertions}. What tracecheck cannot apply faithfully is a {@link
 * io.github.tracecheck.collector.CollectorConfigException}, never skipped.
 */
package io.github.tracecheck.collector;
