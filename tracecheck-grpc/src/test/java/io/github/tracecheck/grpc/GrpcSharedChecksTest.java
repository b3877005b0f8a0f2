package io.github.tracecheck.grpc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.testing.protobuf.SimpleRequest;
import io.grpc.testing.protobuf.SimpleServiceGrpc;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gRPC module's wire and hop checks carry the names every module shares (the HTTP and Kafka
 * modules have the same test): what a call carried, checked with hasValidTraceparent,
 * hasValidTracestate, hasValidBaggage, continuesSpan and hasBaggage; the old names still work.
 */
@TraceCheck
class GrpcSharedChecksTest {

  private static final String SERVICE = "grpc.testing.SimpleService";
  private static final String METHOD = "UnaryRpc";

  /**
   * Calls through GrpcTelemetry with baggage tenant=acme current, and a probe that records the
   * metadata; {@code extraMetadata} (key, value, ...) is attached after the telemetry injected.
   */
  private static MetadataProbe call(CapturedTraces traces, String... extraMetadata) {
    OpenTelemetry gateway = traces.openTelemetryFor("api-gateway");
    OpenTelemetry auth = traces.openTelemetryFor("auth-service");
    MetadataProbe probe = new MetadataProbe();
    List<ClientInterceptor> interceptors = new ArrayList<>();
    if (extraMetadata.length > 0) {
      Metadata extra = new Metadata();
      for (int i = 0; i < extraMetadata.length; i += 2) {
        extra.put(Metadata.Key.of(extraMetadata[i], Metadata.ASCII_STRING_MARSHALLER), extraMetadata[i + 1]);
      }
      interceptors.add(MetadataUtils.newAttachHeadersInterceptor(extra));
    }
    interceptors.add(GrpcTelemetry.create(gateway).createClientInterceptor());
    try (InProcessGrpc grpc = InProcessGrpc.start(new GreetingService(), probe, GrpcTelemetry.create(auth).createServerInterceptor());
        Scope ignored = Baggage.builder().put("tenant", "acme").build().makeCurrent()) {
      SimpleServiceGrpc.newBlockingStub(grpc.channel(interceptors.toArray(new ClientInterceptor[0])))
          .unaryRpc(SimpleRequest.newBuilder().setRequestMessage("order-1").build());
    }
    return probe;
  }

  private static TraceForest awaitServerSpan(CapturedTraces traces) {
    return traces.awaitUntil("the SERVER span of " + SERVICE + "/" + METHOD,
        f -> f.spans().stream().anyMatch(s -> s.kind() == SpanKind.SERVER && s.name().contains(METHOD)));
  }

  private static SpanNode clientSpan(TraceForest forest) {
    return forest.spans().stream().filter(s -> s.kind() == SpanKind.CLIENT).findFirst().orElseThrow();
  }

  @Test
  void theSharedWireAndHopChecksPassOnACorrectCall(CapturedTraces traces) {
    MetadataProbe probe = call(traces);

    TraceForest forest = awaitServerSpan(traces);
    GrpcAssertions.assertThat(probe.lastCall())
        .hasValidTraceparent()
        .hasValidTracestate()
        .hasValidBaggage()
        .continuesSpan(clientSpan(forest))
        .hasBaggage("tenant", "acme");
    GrpcAssertions.assertThatGrpcHop(forest, SERVICE, METHOD)
        .exists().isConnected().isConnectedByParent().isRemoteChildOfSender().hasProtocolAttributes();
  }

  @Test
  void anInvalidTracestateFailsWithTheSharedMessage(CapturedTraces traces) {
    MetadataProbe probe = call(traces, "tracestate", "Vendor=x");
    awaitServerSpan(traces);

    GrpcAssertions.assertThat(probe.lastCall()).hasValidTraceparent().hasValidBaggage();
    assertThatThrownBy(() -> GrpcAssertions.assertThat(probe.lastCall()).hasValidTracestate())
        .hasMessageStartingWith("\nExpecting gRPC call grpc.testing.SimpleService/UnaryRpc to carry valid W3C trace"
            + " context, but tracestate: key 'Vendor' is not a lowercase simple key or tenant@system key.\nMetadata: [")
        .hasMessageContaining("tracestate=Vendor=x");
    assertThatThrownBy(() -> GrpcAssertions.assertThat(probe.lastCall()).hasBaggage("tenant", "other"))
        .hasMessageStartingWith("\nExpecting gRPC call grpc.testing.SimpleService/UnaryRpc to carry baggage\n"
            + "  tenant=other\nbut it was acme.\n");
  }

  @Test
  @SuppressWarnings("deprecation") // the old names are what is tested
  void theOldNamesDelegateToTheSharedChecks(CapturedTraces traces) {
    call(traces);

    TraceForest forest = awaitServerSpan(traces);
    GrpcAssertions.assertThatGrpcHop(forest, SERVICE, METHOD).serverIsRemoteChildOfClient().recordsStatusCodes();
  }
}
