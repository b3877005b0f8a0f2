package io.github.tracecheck.assertj;

import io.github.tracecheck.capture.CapturedMetrics;
import io.github.tracecheck.model.SpanNode;
import io.opentelemetry.sdk.metrics.data.ExemplarData;
import io.opentelemetry.sdk.metrics.data.PointData;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the metrics a test recorded, for the correlation of metrics with traces through
 * exemplars: a measurement made while a span was current keeps that span's ids as an exemplar (the
 * SDK's trace-based exemplar filter). A histogram keeps one exemplar per bucket, the latest.
 *
 * <pre>{@code
 * assertThat(traces.metrics())
 *     .hasExemplarsOn("checkout.duration")                 // every point links to a trace
 *     .hasExemplarFor("checkout.duration", checkoutSpan);  // and this span is one of them
 * }</pre>
 */
public final class MetricsAssert extends AbstractAssert<MetricsAssert, CapturedMetrics> {

  public MetricsAssert(CapturedMetrics actual) {
    super(actual, MetricsAssert.class);
  }

  /**
   * Every data point of each named instrument has an exemplar from a span: a point without one was
   * recorded with no span current (the context was lost on the way to the measurement), and the
   * metric cannot lead to a trace. Each instrument must have been recorded.
   */
  public MetricsAssert hasExemplarsOn(String... instruments) {
    isNotNull();
    for (String instrument : instruments) {
      List<PointData> points = actual.points(instrument);
      if (points.isEmpty()) {
        failWithMessage("Expecting instrument \"%s\" to have exemplars from spans%nbut it recorded nothing (recorded: %s)",
            instrument, actual.all().stream().map(m -> m.getName()).distinct().sorted().toList());
      }
      List<String> without = new ArrayList<>();
      for (PointData point : points) {
        if (point.getExemplars().stream().noneMatch(e -> e.getSpanContext().isValid())) {
          without.add(String.valueOf(point.getAttributes().asMap()));
        }
      }
      if (!without.isEmpty()) {
        failWithMessage("Expecting every point of instrument \"%s\" to have an exemplar from a span%nbut %d of %d"
                + " points have none (recorded with no span current), with attributes:%n  %s",
            instrument, without.size(), points.size(), String.join("\n  ", without));
      }
    }
    return this;
  }

  /** An exemplar of the instrument carries the span's trace id and span id. */
  public MetricsAssert hasExemplarFor(String instrument, SpanNode span) {
    isNotNull();
    List<ExemplarData> exemplars = actual.exemplars(instrument);
    boolean found = exemplars.stream().anyMatch(e -> e.getSpanContext().getTraceId().equals(span.traceId())
        && e.getSpanContext().getSpanId().equals(span.spanId()));
    if (!found) {
      failWithMessage("Expecting instrument \"%s\" to have an exemplar from span \"%s\" (trace %s, span %s)%nbut its"
              + " exemplars are from: %s",
          instrument, SpanNodeAssert.quote(span.name()).replace("\"", ""), span.traceId(), span.spanId(),
          exemplars.stream().map(e -> e.getSpanContext().isValid()
              ? e.getSpanContext().getTraceId() + "/" + e.getSpanContext().getSpanId() : "(no span)").toList());
    }
    return this;
  }
}
