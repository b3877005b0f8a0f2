package io.github.tracecheck.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.semconv.HttpAttributes;
import io.github.tracecheck.testing.MapCarrier;
import io.github.tracecheck.testing.RealSdk;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The checks every hop shares, on spans from the real SDK with the context carried by the real W3C
 * propagator: a correct hop passes; a broken hop, a local parent and missing attributes each fail
 * saying which span and why.
 */
class AbstractHopAssertTest {

  /**
   * The smallest hop: CLIENT spans named "GET" and SERVER spans named "GET /x", which must record a
   * method and a status.
   */
  private static final class TestHopAssert extends AbstractHopAssert<TestHopAssert> {
    private final boolean linksConnect;

    TestHopAssert(TraceForest actual, boolean linksConnect) {
      super(actual, TestHopAssert.class);
      this.linksConnect = linksConnect;
    }

    @Override
    protected String hop() {
      return "the test hop GET /x";
    }

    @Override
    protected boolean isPartOfHop(SpanNode span) {
      return span.name().equals(span.kind() == SpanKind.CLIENT ? "GET" : "GET /x");
    }

    @Override
    protected boolean linksConnect() {
      return linksConnect;
    }

    @Override
    protected String protocolAttributes() {
      return "http.request.method and http.response.status_code on both sides";
    }

    @Override
    protected List<String> missingProtocolAttributes(SpanNode span) {
      List<String> missing = new ArrayList<>();
      if (HttpAttributes.method(span) == null) {
        missing.add("http.request.method");
      }
      if (HttpAttributes.statusCode(span) == null) {
        missing.add("http.response.status_code");
      }
      return missing;
    }
  }

  private final RealSdk sdk = new RealSdk();
  private final Tracer gateway = sdk.tracer("api-gateway");
  private final Tracer inventory = sdk.tracer("inventory");

  @AfterEach
  void closeSdk() {
    sdk.close();
  }

  private static TestHopAssert assertThatHop(TraceForest forest) {
    return new TestHopAssert(forest, false);
  }

  /** Calls GET /x from a CLIENT span; the server side gets the headers the client injected. */
  private Map<String, String> clientCall(BiConsumer<Span, Map<String, String>> server) {
    Map<String, String> headers = new HashMap<>();
    Span client = gateway.spanBuilder("GET").setSpanKind(SpanKind.CLIENT)
        .setAttribute("http.request.method", "GET").startSpan();
    try (Scope ignored = client.makeCurrent()) {
      W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
      server.accept(client, headers);
    } finally {
      client.setAttribute("http.response.status_code", 200L);
      client.end();
    }
    return headers;
  }

  private void serve(Context parent, boolean recordStatus) {
    Span span = inventory.spanBuilder("GET /x").setSpanKind(SpanKind.SERVER).setParent(parent)
        .setAttribute("http.request.method", "GET").startSpan();
    if (recordStatus) {
      span.setAttribute("http.response.status_code", 200L);
    }
    span.end();
  }

  private static Context extracted(Map<String, String> headers) {
    return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, MapCarrier.GETTER);
  }

  @Test
  void aServerThatExtractsTheContextPassesEveryCheck() {
    clientCall((client, headers) -> serve(extracted(headers), true));

    assertThatHop(sdk.snapshot()).exists().isConnected().isConnectedByParent().isRemoteChildOfSender().hasProtocolAttributes();
  }

  @Test
  void aServerThatStartsANewTraceIsNotConnected() {
    clientCall((client, headers) -> serve(Context.root(), true));
    TraceForest forest = sdk.snapshot();

    assertThatThrownBy(() -> assertThatHop(forest).isConnected())
        .hasMessageStartingWith("\nExpecting the test hop GET /x to have:\n"
            + "  every SERVER span connected to a CLIENT span by parent\n"
            + "but found:\n"
            + "  1 SERVER span(s) that are not (marked, with the CLIENT spans)\n"
            + "  - GET /x [SERVER] inventory {http.request.method=GET, http.response.status_code=200} ")
        .hasMessageContaining(": not below a CLIENT span; its root: GET /x [SERVER] inventory")
        .hasMessageContaining(">> GET /x [SERVER] inventory")
        .hasMessageContaining(">> GET [CLIENT] api-gateway");
    assertThatThrownBy(() -> assertThatHop(forest).isRemoteChildOfSender())
        .hasMessageContaining("  every SERVER span a remote child of a CLIENT span\nbut found:\n")
        .hasMessageContaining(": its parent: none, it is a root");
  }

  @Test
  void aServerUnderTheClientsLocalContextIsConnectedButNotARemoteChild() {
    clientCall((client, headers) -> serve(Context.current(), true));
    TraceForest forest = sdk.snapshot();

    assertThatHop(forest).isConnected().isConnectedByParent();
    assertThatThrownBy(() -> assertThatHop(forest).isRemoteChildOfSender())
        .hasMessageStartingWith("\nExpecting the test hop GET /x to have:\n"
            + "  every SERVER span a remote child of a CLIENT span\n"
            + "but found:\n"
            + "  1 SERVER span(s) that are not (marked, with the CLIENT spans)\n")
        .hasMessageContaining(": its parent is the CLIENT span, but through a local context, not one extracted"
            + " from what crossed the wire");
  }

  @Test
  void aServerBelowAnotherSpanNamesItsParent() {
    clientCall((client, headers) -> {
      Span handler = inventory.spanBuilder("dispatch").setParent(extracted(headers)).startSpan();
      try (Scope ignored = handler.makeCurrent()) {
        serve(Context.current(), true);
      } finally {
        handler.end();
      }
    });
    TraceForest forest = sdk.snapshot();

    assertThatHop(forest).isConnected();
    assertThatThrownBy(() -> assertThatHop(forest).isRemoteChildOfSender())
        .hasMessageContaining(": its parent: dispatch [INTERNAL] inventory ")
        .hasMessageContaining(", not a CLIENT span");
  }

  @Test
  void missingAttributesAreNamedPerSpan() {
    clientCall((client, headers) -> serve(extracted(headers), false));

    assertThatThrownBy(() -> assertThatHop(sdk.snapshot()).hasProtocolAttributes())
        .hasMessageStartingWith("\nExpecting the test hop GET /x to have:\n"
            + "  http.request.method and http.response.status_code on both sides\n"
            + "but found:\n"
            + "  1 span(s) without them (marked)\n"
            + "  - GET /x [SERVER] inventory {http.request.method=GET} (remote parent) ")
        .hasMessageContaining(": without http.response.status_code\n");
  }

  @Test
  void aHopWithoutOneSideDoesNotExist() {
    gateway.spanBuilder("GET").setSpanKind(SpanKind.CLIENT).startSpan().end();

    assertThatThrownBy(() -> assertThatHop(sdk.snapshot()).isConnected())
        .hasMessageStartingWith("\nExpecting the test hop GET /x to have:\n"
            + "  a CLIENT span and a SERVER span\n"
            + "but found:\n"
            + "  1 CLIENT span(s) and 0 SERVER span(s)\n");
  }

  @Test
  void aLinkConnectsOnlyWhereTheProtocolAllowsIt() {
    Map<String, String> headers = clientCall((client, h) -> {});
    inventory.spanBuilder("GET /x").setSpanKind(SpanKind.SERVER).setNoParent()
        .addLink(Span.fromContext(extracted(headers)).getSpanContext()).startSpan().end();
    TraceForest forest = sdk.snapshot();

    new TestHopAssert(forest, true).isConnected();
    assertThatThrownBy(() -> new TestHopAssert(forest, true).isConnectedByParent())
        .hasMessageContaining("every SERVER span connected to a CLIENT span by parent\n");
    assertThatThrownBy(() -> assertThatHop(forest).isConnected())
        .hasMessageContaining("every SERVER span connected to a CLIENT span by parent\n");
  }

  @Test
  void aDescriptionPrefixesTheMessageAndANullForestFails() {
    clientCall((client, headers) -> serve(Context.root(), true));
    TraceForest forest = sdk.snapshot();

    assertThatThrownBy(() -> assertThatHop(forest).as("checkout").isRemoteChildOfSender())
        .hasMessageStartingWith("[checkout] \nExpecting the test hop GET /x to have:");
    assertThatThrownBy(() -> assertThatHop(null).exists()).hasMessageContaining("Expecting actual not to be null");
    assertThat(forest.spanCount()).isEqualTo(2);
  }
}
