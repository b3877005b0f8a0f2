package io.github.tracecheck.samples.checkout;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static io.github.tracecheck.assertj.TraceCheckAssertions.span;
import static io.opentelemetry.api.trace.SpanKind.CLIENT;
import static io.opentelemetry.api.trace.SpanKind.SERVER;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.render.TraceTreeRenderer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The checkout flow across two real HTTP services in one JVM, each with its own service.name. */
@TraceCheck
class CheckoutSampleTest {

  @Test
  void checkoutIsOneConnectedTraceAcrossBothServices(CapturedTraces traces) throws Exception {
    try (InventoryService inventory = new InventoryService(traces.openTelemetryFor("inventory-service"));
        ApiGateway gateway = new ApiGateway(traces.openTelemetryFor("api-gateway"), inventory.baseUri())) {

      HttpResponse<Void> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(gateway.baseUri().resolve("/checkout"))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(202);

      // The server span ends after the response is sent: wait for it rather than sleeping.
      TraceForest forest = traces.awaitAllEnded();
      System.out.println("Captured trace of POST /checkout:\n" + TraceTreeRenderer.create().render(forest));

      assertThat(forest)
          .singleTrace()
          .hasShape(
              span("POST /checkout").kind(SERVER).service("api-gateway").children(
                  span("GET").kind(CLIENT).children(
                      span("GET /stock/{sku}").kind(SERVER).service("inventory-service")
                          .attribute("http.response.status_code", 200))))
          .span("GET /stock/{sku}")
          .hasRemoteParent()
          .hasParentNamed("GET");
    }
  }
}
