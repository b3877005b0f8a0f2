package io.github.tracecheck.springtests;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.CompletableFuture;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/** Writes the audit record of an order, on the application's task executor. */
@Service
class Audit {

  private final ObservationRegistry observations;

  Audit(ObservationRegistry observations) {
    this.observations = observations;
  }

  @Async
  public CompletableFuture<String> record(String order) {
    return CompletableFuture.completedFuture(
        Observation.createNotStarted("audit", observations)
            .lowCardinalityKeyValue("audit.kind", "order")
            .observe(() -> "audited " + order));
  }
}
