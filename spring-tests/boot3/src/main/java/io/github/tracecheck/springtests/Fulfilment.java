package io.github.tracecheck.springtests;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Fulfils the orders published to {@code checkout.orders-topic}: a Kafka listener whose work is an
 * observation for Micrometer Tracing and a {@code @WithSpan} for OpenTelemetry's starter (as {@link
 * Audit}: each stack ignores the other's).
 */
@Component
@ConditionalOnProperty("checkout.orders-topic")
class Fulfilment {

  private final ObservationRegistry observations;

  Fulfilment(ObservationRegistry observations) {
    this.observations = observations;
  }

  @KafkaListener(id = "fulfilment", topics = "${checkout.orders-topic}")
  @WithSpan("fulfil")
  public void fulfil(String sku) {
    Observation.createNotStarted("fulfil", observations)
        .lowCardinalityKeyValue("fulfilment.kind", "order")
        .observe(() -> { });
  }
}
