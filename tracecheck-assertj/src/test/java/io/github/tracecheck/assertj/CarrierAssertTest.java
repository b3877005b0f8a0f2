package io.github.tracecheck.assertj;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThatCarrier;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.testing.RealSdk;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The wire checks every protocol shares, on a carrier the real W3C propagators filled. */
class CarrierAssertTest {

  private static final TextMapPropagator W3C =
      TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());

  private final RealSdk sdk = new RealSdk();

  @AfterEach
  void closeSdk() {
    sdk.close();
  }

  /** Publishes inside a PRODUCER span with baggage tenant=acme; returns the headers it injected. */
  private Map<String, String> publish() {
    Map<String, String> headers = new LinkedHashMap<>();
    Span publish = sdk.tracer("api-gateway").spanBuilder("orders publish").setSpanKind(SpanKind.PRODUCER).startSpan();
    try (Scope ignored = Context.current().with(publish).with(Baggage.builder().put("tenant", "acme").build()).makeCurrent()) {
      W3C.inject(Context.current(), headers, Map::put);
    } finally {
      publish.end();
    }
    return headers;
  }

  private SpanNode span(String name) {
    TraceForest forest = sdk.snapshot();
    return forest.spans().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void whatThePropagatorsInjectedPassesEveryCheck() {
    Map<String, String> headers = publish();
    headers.put("tracestate", "vendor=opaque");

    assertThatCarrier(headers)
        .hasValidTraceparent()
        .hasValidTracestate()
        .hasValidBaggage()
        .continuesSpan(span("orders publish"))
        .hasBaggage("tenant", "acme");
  }

  @Test
  void absentOptionalHeadersAreValidButAnAbsentTraceparentIsNot() {
    Map<String, String> headers = Map.of("content-type", "application/json");

    assertThatCarrier(headers).hasValidTracestate().hasValidBaggage();
    assertThatThrownBy(() -> assertThatCarrier(headers).hasValidTraceparent())
        .hasMessage("\nExpecting the carrier to carry valid W3C trace context, but no traceparent header.\n"
            + "Headers: [content-type]");
  }

  @Test
  void eachInvalidHeaderIsNamedWithWhatWasCarried() {
    Map<String, String> headers = publish();
    headers.put("traceparent", "00-" + "0".repeat(32) + "-b7ad6b7169203331-01");
    headers.put("tracestate", "Vendor=x");
    headers.put("baggage", "tenant");

    assertThatThrownBy(() -> assertThatCarrier(headers).hasValidTraceparent())
        .hasMessageStartingWith("\nExpecting the carrier to carry valid W3C trace context, but traceparent: '00-"
            + "0".repeat(32) + "-b7ad6b7169203331-01' has an all-zero trace id.\nHeaders: [baggage=tenant, traceparent=00-");
    assertThatThrownBy(() -> assertThatCarrier(headers).hasValidTracestate())
        .hasMessageContaining("but tracestate: key 'Vendor' is not a lowercase simple key or tenant@system key.\n"
            + "Headers: [baggage=tenant, traceparent=")
        .hasMessageContaining("tracestate=Vendor=x");
    assertThatThrownBy(() -> assertThatCarrier(headers).hasValidBaggage())
        .hasMessageContaining("but baggage: list member 'tenant' is not key=value.\n");
    assertThatThrownBy(() -> assertThatCarrier(headers).hasBaggage("tenant", "acme"))
        .hasMessageContaining("but baggage: list member 'tenant' is not key=value.\n");
  }

  @Test
  void aTraceparentOfAnotherSpanDoesNotContinueIt() {
    Map<String, String> headers = publish();
    Span other = sdk.tracer("api-gateway").spanBuilder("POST /checkout").setSpanKind(SpanKind.SERVER).startSpan();
    other.end();
    SpanNode checkout = span("POST /checkout");

    assertThatThrownBy(() -> assertThatCarrier(headers).continuesSpan(checkout))
        .hasMessageStartingWith("\nExpecting the traceparent of the carrier\n  " + headers.get("traceparent")
            + "\nto continue span\n  POST /checkout [SERVER] api-gateway ")
        .hasMessageEndingWith("(trace " + checkout.traceId() + ", span " + checkout.spanId() + ")\nbut it names trace "
            + headers.get("traceparent").substring(3, 35) + ", parent " + headers.get("traceparent").substring(36, 52));
  }

  @Test
  void aMissingOrDifferentBaggageEntryIsNamed() {
    Map<String, String> headers = publish();

    assertThatThrownBy(() -> assertThatCarrier(headers).hasBaggage("tenant", "other"))
        .hasMessageStartingWith("\nExpecting the carrier to carry baggage\n  tenant=other\nbut it was acme.\n"
            + "Headers: [baggage=tenant=acme, traceparent=00-");
    assertThatThrownBy(() -> assertThatCarrier(headers).hasBaggage("region", "eu"))
        .hasMessageContaining("but it has no such entry.\n");
  }

  @Test
  void namesAreMatchedIgnoringCase() {
    Map<String, String> headers = new LinkedHashMap<>();
    publish().forEach((name, value) -> headers.put(name.toUpperCase(java.util.Locale.ROOT), value));

    assertThatCarrier(headers).hasValidTraceparent().continuesSpan(span("orders publish")).hasBaggage("tenant", "acme");
  }
}
