package io.github.tracecheck.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The HTTP module's wire and hop checks carry the names every module shares (the gRPC and Kafka
 * modules have the same test): what an HTTP request carried, checked with hasValidTraceparent,
 * hasValidTracestate, hasValidBaggage, continuesSpan and hasBaggage; the old names still work.
 */
@TraceCheck
class HttpSharedChecksTest {

  private static final String PATH = "/stock/sku-42";

  /** A CLIENT span with baggage tenant=acme injects into the request; extra headers are sent as given. */
  private static void get(OpenTelemetry openTelemetry, RecordingHttpServer server, String... extraHeaders) throws Exception {
    Span span = openTelemetry.getTracer("checkout").spanBuilder("GET").setSpanKind(SpanKind.CLIENT)
        .setAttribute("http.request.method", "GET")
        .setAttribute("url.full", server.uri(PATH).toString())
        .startSpan();
    try (Scope ignored = Context.current().with(span).with(Baggage.builder().put("tenant", "acme").build()).makeCurrent()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(PATH));
      openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), request, HttpRequest.Builder::header);
      if (extraHeaders.length > 0) {
        request.headers(extraHeaders);
      }
      HttpResponse<Void> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
      span.setAttribute("http.response.status_code", (long) response.statusCode());
    } finally {
      span.end();
    }
  }

  private static TraceForest awaitBothSides(CapturedTraces traces) {
    return traces.awaitUntil("the CLIENT and SERVER spans of GET " + PATH,
        f -> f.spans().stream().anyMatch(s -> s.kind() == SpanKind.SERVER)
            && f.spans().stream().anyMatch(s -> s.kind() == SpanKind.CLIENT));
  }

  private static SpanNode client(TraceForest forest) {
    return forest.spans().stream().filter(s -> s.kind() == SpanKind.CLIENT).findFirst().orElseThrow();
  }

  @Test
  void theSharedWireAndHopChecksPassOnACorrectRequest(CapturedTraces traces) throws Exception {
    try (RecordingHttpServer server = RecordingHttpServer.startTraced(traces.openTelemetryFor("inventory"), "/stock/{sku}", 200)) {
      get(traces.openTelemetryFor("api-gateway"), server);

      TraceForest forest = awaitBothSides(traces);
      HttpAssertions.assertThat(server.lastRequest())
          .hasValidTraceparent()
          .hasValidTracestate()
          .hasValidBaggage()
          .continuesSpan(client(forest))
          .hasBaggage("tenant", "acme");
      HttpAssertions.assertThatHttpHop(forest, "GET", PATH)
          .exists().isConnected().isConnectedByParent().isRemoteChildOfSender().hasProtocolAttributes();
    }
  }

  @Test
  void anInvalidTracestateFailsWithTheSharedMessage(CapturedTraces traces) throws Exception {
    try (RecordingHttpServer server = RecordingHttpServer.startTraced(traces.openTelemetryFor("inventory"), "/stock/{sku}", 200)) {
      get(traces.openTelemetryFor("api-gateway"), server, "tracestate", "Vendor=x");
      awaitBothSides(traces);

      HttpAssertions.assertThat(server.lastRequest()).hasValidTraceparent().hasValidBaggage();
      assertThatThrownBy(() -> HttpAssertions.assertThat(server.lastRequest()).hasValidTracestate())
          .hasMessageStartingWith("\nExpecting request GET /stock/sku-42 to carry valid W3C trace context, but tracestate:"
              + " key 'Vendor' is not a lowercase simple key or tenant@system key.\nHeaders: [")
          .hasMessageContaining("tracestate=Vendor=x");
      assertThatThrownBy(() -> HttpAssertions.assertThat(server.lastRequest()).hasBaggage("tenant", "other"))
          .hasMessageStartingWith("\nExpecting request GET /stock/sku-42 to carry baggage\n  tenant=other\nbut it was acme.\n");
    }
  }

  @Test
  @SuppressWarnings("deprecation") // the old names are what is tested
  void theOldNamesDelegateToTheSharedChecks(CapturedTraces traces) throws Exception {
    try (RecordingHttpServer server = RecordingHttpServer.startTraced(traces.openTelemetryFor("inventory"), "/stock/{sku}", 200)) {
      get(traces.openTelemetryFor("api-gateway"), server, "baggage", "not a list member");

      TraceForest forest = awaitBothSides(traces);
      HttpAssertions.assertThatHttpHop(forest, "GET", PATH).serverIsRemoteChildOfClient().hasMethodRouteAndStatus();
      assertThatThrownBy(() -> HttpAssertions.assertThat(server.lastRequest()).hasValidTraceContext())
          .hasMessageContaining("to carry valid W3C trace context, but baggage: ");
    }
  }
}
