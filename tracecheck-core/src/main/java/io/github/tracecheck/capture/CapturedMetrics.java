package io.github.tracecheck.capture;

import io.opentelemetry.sdk.metrics.data.ExemplarData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import java.util.ArrayList;
import java.util.List;

/** The metrics read from the run's SDKs at one moment, by instrument name; assert on them with tracecheck-assertj. */
public final class CapturedMetrics {

  private final List<MetricData> metrics;

  public CapturedMetrics(List<MetricData> metrics) {
    this.metrics = List.copyOf(metrics);
  }

  public List<MetricData> all() {
    return metrics;
  }

  /** The metric data of the instrument (one per SDK that recorded it). */
  public List<MetricData> named(String instrument) {
    return metrics.stream().filter(m -> m.getName().equals(instrument)).toList();
  }

  /** The data points of the instrument, across SDKs. */
  public List<PointData> points(String instrument) {
    List<PointData> points = new ArrayList<>();
    for (MetricData metric : named(instrument)) {
      points.addAll(metric.getData().getPoints());
    }
    return points;
  }

  /** Every exemplar of the instrument's points. */
  public List<ExemplarData> exemplars(String instrument) {
    List<ExemplarData> exemplars = new ArrayList<>();
    for (PointData point : points(instrument)) {
      exemplars.addAll(point.getExemplars());
    }
    return exemplars;
  }
}
