package io.github.tracecheck.collector;

/** A Collector processor applied to one span at a time. */
interface Processor {

  /** The processor's id in the configuration, e.g. {@code transform/pii}. */
  String id();

  void apply(SpanRecord span);
}
