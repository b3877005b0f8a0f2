package io.github.tracecheck.grpc;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.GateMode;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.junit.TraceCheckRule;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Rules;
import io.grpc.ManagedChannel;
import io.grpc.testing.protobuf.SimpleRequest;
import io.grpc.testing.protobuf.SimpleServiceGrpc;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gRPC hop over the in-process transport, with GrpcTelemetry and with hand-written interceptors. */
@TraceCheck
class GrpcHopTest {

  private static final String SERVICE = "grpc.testing.SimpleService";
  private static final String METHOD = "UnaryRpc";

  private static String call(ManagedChannel channel, OpenTelemetry caller) {
    Span checkout = caller.getTracer("api-gateway").spanBuilder("POST /checkout").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = checkout.makeCurrent()) {
      return SimpleServiceGrpc.newBlockingStub(channel)
          .unaryRpc(SimpleRequest.newBuilder().setRequestMessage("order-1").build())
          .getResponseMessage();
    } finally {
      checkout.end();
    }
  }

  private static TraceForest awaitServerSpan(CapturedTraces traces) {
    return traces.awaitUntil("the SERVER span of " + SERVICE + "/" + METHOD,
        f -> f.spans().stream().anyMatch(s -> s.kind() == SpanKind.SERVER && s.name().contains(METHOD)));
  }

  private static SpanNode clientSpan(TraceForest forest) {
    return forest.spans().stream().filter(s -> s.kind() == SpanKind.CLIENT).findFirst().orElseThrow();
  }

  /** The capture's tracers, but no propagators: a service whose SDK was built without them. */
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

  @Test
  void grpcTelemetryConnectsClientAndServer(CapturedTraces traces) {
    OpenTelemetry gateway = traces.openTelemetryFor("api-gateway");
    OpenTelemetry auth = traces.openTelemetryFor("auth-service");
    MetadataProbe probe = new MetadataProbe();
    try (InProcessGrpc grpc = InProcessGrpc.start(new GreetingService(), probe, GrpcTelemetry.create(auth).createServerInterceptor())) {
      assertThat(call(grpc.channel(GrpcTelemetry.create(gateway).createClientInterceptor()), gateway)).isEqualTo("hello order-1");
    }

    TraceForest forest = awaitServerSpan(traces);
    GrpcAssertions.assertThatGrpcHop(forest, SERVICE, METHOD).isRemoteChildOfSender().hasProtocolAttributes();
    GrpcAssertions.assertThat(probe.lastCall()).hasValidTraceparent().continuesSpan(clientSpan(forest));
    assertThat(forest).singleTrace().hasPath("POST /checkout", SERVICE + "/" + METHOD, SERVICE + "/" + METHOD);
  }

  @Test
  @TraceCheckRule(name = "orphaned-root", mode = GateMode.OFF) // the broken hop is asserted below
  void clientWithoutPropagatorsBreaksTheHopAndTheGateSaysWhich(CapturedTraces traces) {
    OpenTelemetry gateway = traces.openTelemetryFor("api-gateway");
    OpenTelemetry auth = traces.openTelemetryFor("auth-service");
    MetadataProbe probe = new MetadataProbe();
    try (InProcessGrpc grpc = InProcessGrpc.start(new GreetingService(), probe, GrpcTelemetry.create(auth).createServerInterceptor())) {
      call(grpc.channel(GrpcTelemetry.create(withoutPropagators(gateway)).createClientInterceptor()), gateway);
    }

    TraceForest forest = awaitServerSpan(traces);
    assertThatThrownBy(() -> GrpcAssertions.assertThat(probe.lastCall()).hasValidTraceparent())
        .hasMessageContaining("Expecting gRPC call grpc.testing.SimpleService/UnaryRpc to carry valid W3C trace context,"
            + " but no traceparent header.");
    assertThatThrownBy(() -> GrpcAssertions.assertThatGrpcHop(forest, SERVICE, METHOD).isRemoteChildOfSender())
        .hasMessageContaining("1 SERVER span(s) that are not (marked, with the CLIENT spans)");
    assertThatThrownBy(() -> assertThat(forest).hasNoOrphans())
        .hasMessageContaining("[orphaned-root] server span \"grpc.testing.SimpleService/UnaryRpc\" (auth-service) started"
            + " a new trace, but client span \"grpc.testing.SimpleService/UnaryRpc\" (api-gateway) was calling grpc"
            + " grpc.testing.SimpleService/UnaryRpc at that time in trace " + clientSpan(forest).traceId())
        .hasMessageContaining("likely cause: the client call was not instrumented or did not inject traceparent into"
            + " the request (for gRPC: no client interceptor), or the server did not extract it");
  }

  @Test
  void handWrittenInterceptorsConnectTheHop(CapturedTraces traces) {
    OpenTelemetry gateway = traces.openTelemetryFor("api-gateway");
    OpenTelemetry auth = traces.openTelemetryFor("auth-service");
    MetadataProbe probe = new MetadataProbe();
    try (InProcessGrpc grpc = InProcessGrpc.start(new GreetingService(), probe, HandWrittenTracing.server(auth))) {
      call(grpc.channel(HandWrittenTracing.client(gateway, false)), gateway);
    }

    TraceForest forest = awaitServerSpan(traces);
    GrpcAssertions.assertThatGrpcHop(forest, SERVICE, METHOD).isRemoteChildOfSender().hasProtocolAttributes();
    GrpcAssertions.assertThat(probe.lastCall()).continuesSpan(clientSpan(forest));
  }

  @Test
  void handWrittenInterceptorThatInjectsTheCallersContextSkipsTheClientSpan(CapturedTraces traces) {
    OpenTelemetry gateway = traces.openTelemetryFor("api-gateway");
    OpenTelemetry auth = traces.openTelemetryFor("auth-service");
    MetadataProbe probe = new MetadataProbe();
    try (InProcessGrpc grpc = InProcessGrpc.start(new GreetingService(), probe, HandWrittenTracing.server(auth))) {
      call(grpc.channel(HandWrittenTracing.client(gateway, true)), gateway);
    }

    TraceForest forest = awaitServerSpan(traces);
    // One trace, so the gate is content; the hop check sees the server hanging off the wrong span.
    assertThat(forest).hasTraceCount(1);
    assertThatThrownBy(() -> GrpcAssertions.assertThatGrpcHop(forest, SERVICE, METHOD).isRemoteChildOfSender())
        .hasMessageStartingWith("\nExpecting the gRPC hop grpc.testing.SimpleService/UnaryRpc to have:\n"
            + "  every SERVER span a remote child of a CLIENT span\nbut found:\n"
            + "  1 SERVER span(s) that are not (marked, with the CLIENT spans)\n");
    assertThatThrownBy(() -> GrpcAssertions.assertThat(probe.lastCall()).continuesSpan(clientSpan(forest)))
        .hasMessageContaining("to continue span\n  grpc.testing.SimpleService/UnaryRpc [CLIENT] api-gateway");
  }

  @Test
  @TraceCheckRule(name = "orphaned-root", mode = GateMode.OFF) // the broken hop is asserted below
  void callWithoutAClientInterceptorCarriesNothing(CapturedTraces traces) {
    OpenTelemetry gateway = traces.openTelemetryFor("api-gateway");
    OpenTelemetry auth = traces.openTelemetryFor("auth-service");
    MetadataProbe probe = new MetadataProbe();
    try (InProcessGrpc grpc = InProcessGrpc.start(new GreetingService(), probe, HandWrittenTracing.server(auth))) {
      call(grpc.channel(), gateway);
    }

    TraceForest forest = awaitServerSpan(traces);
    assertThat(probe.lastCall().metadata()).doesNotContainKey("traceparent");
    assertThatThrownBy(() -> GrpcAssertions.assertThat(probe.lastCall()).hasValidTraceparent())
        .hasMessageContaining("but no traceparent header.");
    assertThatThrownBy(() -> assertThat(forest).hasNoOrphans())
        .hasMessageContaining("[orphaned-root] server span \"grpc.testing.SimpleService/UnaryRpc\" (auth-service) started"
            + " a new trace while span \"POST /checkout\" (api-gateway) in trace ")
        .hasMessageContaining("likely cause: the gRPC call was made without tracing, so no traceparent was sent (no"
            + " client interceptor on the channel)");
  }

  /**
   * The first call of a cold JVM ends its server span late (class loading, JIT): up to 40% of the
   * server span after the caller ended, past the quarter the rule tolerates (see README, gRPC hops).
   * One call through the same instrumentation, outside the capture, warms it up.
   */
  @BeforeAll
  static void warmUpGrpcTelemetry() {
    OpenTelemetry uncaptured = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build()).build();
    try (InProcessGrpc grpc = InProcessGrpc.start(
        new GreetingService(), new MetadataProbe(), GrpcTelemetry.create(uncaptured).createServerInterceptor())) {
      call(grpc.channel(), uncaptured);
    }
  }

  /**
   * OpenTelemetry's own server interceptor ends its span after the response was delivered, so the
   * caller's span may end first. The rule tolerates a tail of a quarter of the server span; now and
   * then (about one call in twenty here) the tail is longer and the call is missed, so the test asks
   * for at least 4 finds in 6 calls (see README, gRPC hops).
   */
  @Test
  @TraceCheckRule(name = "orphaned-root", mode = GateMode.OFF) // the broken hop is asserted below
  void callWithoutAClientInterceptorToAGrpcTelemetryServerIsFoundInMostRuns(CapturedTraces traces) {
    OpenTelemetry gateway = traces.openTelemetryFor("api-gateway");
    OpenTelemetry auth = traces.openTelemetryFor("auth-service");
    List<String> runs = new ArrayList<>();
    for (int run = 0; run < 6; run++) {
      traces.reset();
      try (InProcessGrpc grpc = InProcessGrpc.start(
          new GreetingService(), new MetadataProbe(), GrpcTelemetry.create(auth).createServerInterceptor())) {
        call(grpc.channel(), gateway);
      }
      TraceForest forest = awaitServerSpan(traces);
      boolean found = Rules.check(forest).stream().anyMatch(f -> f.summary().startsWith(
              "[orphaned-root] server span \"grpc.testing.SimpleService/UnaryRpc\" (auth-service) started a new trace"
                  + " while span \"POST /checkout\" (api-gateway) in trace ")
          && f.summary().contains("likely cause: the gRPC call was made without tracing, so no traceparent was"
              + " sent (no client interceptor on the channel)"));
      runs.add(found ? "found" : "missed");
    }
    assertThat(runs).as("each call's verdict").filteredOn("found"::equals).hasSizeGreaterThanOrEqualTo(4);
  }
}
