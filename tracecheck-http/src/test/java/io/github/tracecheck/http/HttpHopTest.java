package io.github.tracecheck.http;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.GateMode;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.junit.TraceCheckRule;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.instrumentation.okhttp.v3_0.OkHttpTelemetry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The HTTP hop with OpenTelemetry's OkHttp instrumentation and with the JDK client by hand. */
@TraceCheck
class HttpHopTest {

  private static final String PATH = "/stock/sku-42";

  private static OpenTelemetry withoutPropagators(OpenTelemetry openTelemetry) {
    return new OpenTelemetry() {
      @Override
      public TracerProvider getTracerProvider() {
        return openTelemetry.getTracerProvider();
      }

      @Override
      public ContextPropagators getPropagators() {
        return ContextPropagators.noop();
      }
    };
  }

  private static void okHttpGet(OpenTelemetry clientTelemetry, RecordingHttpServer server) throws Exception {
    Call.Factory client = OkHttpTelemetry.create(clientTelemetry).createCallFactory(new OkHttpClient());
    try (Response response = client.newCall(new Request.Builder().url(server.uri(PATH).toURL()).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
  }

  /** The JDK client, instrumented by hand: a CLIENT span, and traceparent injected when asked. */
  private static void jdkGet(OpenTelemetry openTelemetry, RecordingHttpServer server, boolean inject) throws Exception {
    Span span = openTelemetry.getTracer("checkout").spanBuilder("GET").setSpanKind(SpanKind.CLIENT)
        .setAttribute("http.request.method", "GET")
        .setAttribute("url.full", server.uri(PATH).toString())
        .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(PATH));
      if (inject) {
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), request, HttpRequest.Builder::header);
      }
      HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      span.setAttribute("http.response.status_code", (long) response.statusCode());
    } finally {
      span.end();
    }
  }

  private static SpanNode client(TraceForest forest) {
    return forest.spans().stream().filter(s -> s.kind() == SpanKind.CLIENT).findFirst().orElseThrow();
  }

  private static TraceForest awaitBothSides(CapturedTraces traces) {
    return traces.awaitUntil("the CLIENT and SERVER spans of GET " + PATH,
        f -> f.spans().stream().anyMatch(s -> s.kind() == SpanKind.SERVER)
            && f.spans().stream().anyMatch(s -> s.kind() == SpanKind.CLIENT));
  }

  @Test
  void okHttpInstrumentationConnectsTheHop(CapturedTraces traces) throws Exception {
    try (RecordingHttpServer server = RecordingHttpServer.startTraced(traces.openTelemetryFor("inventory"), "/stock/{sku}", 200)) {
      okHttpGet(traces.openTelemetryFor("api-gateway"), server);

      TraceForest forest = awaitBothSides(traces);
      HttpAssertions.assertThatHttpHop(forest, "GET", PATH).isRemoteChildOfSender().hasProtocolAttributes();
      HttpAssertions.assertThat(server.lastRequest()).hasValidTraceparent().hasValidTracestate().hasValidBaggage()
          .continuesSpan(client(forest));
      assertThat(forest).singleTrace().hasPath("GET", "GET /stock/{sku}");
    }
  }

  @Test
  @TraceCheckRule(name = "orphaned-root", mode = GateMode.OFF) // the broken hop is asserted below
  void okHttpWithoutPropagatorsIsCaught(CapturedTraces traces) throws Exception {
    try (RecordingHttpServer server = RecordingHttpServer.startTraced(traces.openTelemetryFor("inventory"), "/stock/{sku}", 200)) {
      okHttpGet(withoutPropagators(traces.openTelemetryFor("api-gateway")), server);

      TraceForest forest = awaitBothSides(traces);
      assertThatThrownBy(() -> HttpAssertions.assertThat(server.lastRequest()).hasValidTraceparent())
          .hasMessageStartingWith("\nExpecting request GET /stock/sku-42 to carry valid W3C trace context, but no"
              + " traceparent header.");
      assertThatThrownBy(() -> assertThat(forest).hasNoOrphans())
          .hasMessageContaining("[orphaned-root] server span \"GET /stock/{sku}\" (inventory) started a new trace, but"
              + " client span \"GET\" (api-gateway) was calling GET /stock/sku-42 at that time in trace "
              + client(forest).traceId());
    }
  }

  @Test
  void jdkClientWithContextInjectedByHand(CapturedTraces traces) throws Exception {
    try (RecordingHttpServer server = RecordingHttpServer.startTraced(traces.openTelemetryFor("inventory"), "/stock/{sku}", 200)) {
      jdkGet(traces.openTelemetryFor("api-gateway"), server, true);

      TraceForest forest = awaitBothSides(traces);
      HttpAssertions.assertThatHttpHop(forest, "GET", PATH).isRemoteChildOfSender().hasProtocolAttributes();
      HttpAssertions.assertThat(server.lastRequest()).continuesSpan(client(forest));
    }
  }

  @Test
  @TraceCheckRule(name = "orphaned-root", mode = GateMode.OFF) // the broken hop is asserted below
  void jdkClientThatForgetsToInjectIsCaught(CapturedTraces traces) throws Exception {
    try (RecordingHttpServer server = RecordingHttpServer.startTraced(traces.openTelemetryFor("inventory"), "/stock/{sku}", 200)) {
      jdkGet(traces.openTelemetryFor("api-gateway"), server, false);

      TraceForest forest = awaitBothSides(traces);
      assertThatThrownBy(() -> HttpAssertions.assertThatHttpHop(forest, "GET", PATH).isRemoteChildOfSender())
          .hasMessageStartingWith("\nExpecting the HTTP hop GET /stock/sku-42 to have:\n  every SERVER span a remote"
              + " child of a CLIENT span\nbut found:\n  1 SERVER span(s) that are not (marked, with the CLIENT spans)\n");
      assertThatThrownBy(() -> assertThat(forest).isConnected())
          .hasMessageContaining("likely cause: the client call was not instrumented or did not inject traceparent");
    }
  }

  @Test
  void recordingServerRecordsHeadersWithoutTracing() throws Exception {
    try (RecordingHttpServer server = RecordingHttpServer.start()) {
      HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(server.uri("/x")).header("traceparent", "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01")
              .header("baggage", "k=v").build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(server.lastRequest().header("Baggage")).isEqualTo("k=v");
      assertThatThrownBy(() -> HttpAssertions.assertThat(server.lastRequest()).hasValidTraceparent())
          .hasMessageContaining("is not version-traceid-parentid-flags in lowercase hex");
    }
  }
}
