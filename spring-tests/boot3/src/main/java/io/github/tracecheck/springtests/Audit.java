package io.github.tracecheck.springtests;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.util.concurrent.CompletableFuture;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/**
 * Writes the audit record of an order, on the application's task executor: an observation for
 * Micrometer Tracing, a {@code @WithSpan} for OpenTelemetry's starter (each stack ignores the other's).
 */
@Service
class Audit {

  private final ObservationRegistry observations;

  Audit(ObservationRegistry observations) {
    this.observations = observations;
  }

  @Async
  @WithSpan("audit")
  public CompletableFuture<String> record(String order) {
    return CompletableFuture.completedFuture(
        Observation.createNotStarted("audit", observations)
            .lowCardinalityKeyValue("audit.kind", "order")
            .observe(() -> "audited " + order));
  }
}
