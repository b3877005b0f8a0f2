package io.github.tracecheck.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.capture.SpanCapture;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real OTLP exporters of the SDK, over HTTP and gRPC, plain and gzip, into a real capture. */
class OtlpReceiverTest {

  private final SpanCapture capture = new SpanCapture(false);
  private final List<Rejection> rejections = new CopyOnWriteArrayList<>();
  private final OtlpReceiver receiver = OtlpReceiver.builder().sink(capture::received).onRejection(rejections::add).start();

  @AfterEach
  void close() {
    receiver.close();
  }

  private List<SpanData> awaitSpans(int count) throws InterruptedException {
    boolean arrived = capture.await(() -> capture.endedSpans().size() >= count, Duration.ofSeconds(30));
    assertThat(arrived).as("%s spans should have arrived, got %s", count, capture.endedSpans().size()).isTrue();
    return capture.endedSpans();
  }

  @ParameterizedTest(name = "{0} gzip={1}")
  @CsvSource({"http, false", "http, true", "grpc, false", "grpc, true"})
  void everyFieldOfASpanCrossesTheWire(String transport, boolean gzip) throws Exception {
    SpanContext linked = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(),
        TraceState.builder().put("vendor", "x").build());
    SpanContext remoteCaller = SpanContext.createFromRemoteParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
        TraceFlags.getSampled(), TraceState.getDefault());
    try (RemoteSdk sdk = transport.equals("grpc")
        ? RemoteSdk.grpc(receiver.endpoints(), "orders", gzip, 2048)
        : RemoteSdk.http(receiver.endpoints(), "orders", gzip, 2048)) {
      Span server = sdk.tracer().spanBuilder("POST /orders").setSpanKind(SpanKind.SERVER)
          .setParent(Context.root().with(Span.wrap(remoteCaller)))
          .addLink(linked, Attributes.of(AttributeKey.stringKey("link.reason"), "batch"))
          .setAttribute("http.request.method", "POST")
          .setAttribute("http.response.status_code", 500L)
          .setAttribute("retry", true)
          .setAttribute("ratio", 0.5)
          .setAttribute(AttributeKey.stringArrayKey("tags"), List.of("a", "b"))
          .setAttribute(AttributeKey.longArrayKey("sizes"), List.of(1L, 2L))
          .startSpan();
      server.addEvent("exception", Attributes.of(AttributeKey.stringKey("exception.type"), "java.io.IOException"));
      server.setStatus(StatusCode.ERROR, "boom");
      Span child = sdk.tracer().spanBuilder("INSERT orders").setSpanKind(SpanKind.CLIENT)
          .setParent(Context.root().with(server)).startSpan();
      child.end();
      server.end();
      assertThat(sdk.flush()).as("the exporter's flush succeeded").isTrue();
    }

    List<SpanData> received = awaitSpans(2);
    SpanData server = received.stream().filter(s -> s.getName().equals("POST /orders")).findFirst().orElseThrow();
    SpanData child = received.stream().filter(s -> s.getName().equals("INSERT orders")).findFirst().orElseThrow();
    assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(server.getSpanContext().getTraceId()).isEqualTo(remoteCaller.getTraceId());
    assertThat(server.getParentSpanContext().getSpanId()).isEqualTo(remoteCaller.getSpanId());
    assertThat(server.getParentSpanContext().isRemote()).as("the SDK's span flags say the parent was remote").isTrue();
    assertThat(child.getParentSpanContext().getSpanId()).isEqualTo(server.getSpanContext().getSpanId());
    assertThat(child.getParentSpanContext().isRemote()).isFalse();
    assertThat(server.getAttributes().asMap()).containsOnly(
        org.assertj.core.api.Assertions.entry(AttributeKey.stringKey("http.request.method"), "POST"),
        org.assertj.core.api.Assertions.entry(AttributeKey.longKey("http.response.status_code"), 500L),
        org.assertj.core.api.Assertions.entry(AttributeKey.booleanKey("retry"), true),
        org.assertj.core.api.Assertions.entry(AttributeKey.doubleKey("ratio"), 0.5),
        org.assertj.core.api.Assertions.entry(AttributeKey.stringArrayKey("tags"), List.of("a", "b")),
        org.assertj.core.api.Assertions.entry(AttributeKey.longArrayKey("sizes"), List.of(1L, 2L)));
    assertThat(server.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(server.getStatus().getDescription()).isEqualTo("boom");
    assertThat(server.getEvents()).singleElement().satisfies(event -> {
      assertThat(event.getName()).isEqualTo("exception");
      assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.type"))).isEqualTo("java.io.IOException");
    });
    assertThat(server.getLinks()).singleElement().satisfies(link -> {
      assertThat(link.getSpanContext().getSpanId()).isEqualTo(linked.getSpanId());
      assertThat(link.getSpanContext().getTraceState().get("vendor")).isEqualTo("x");
      assertThat(link.getAttributes().get(AttributeKey.stringKey("link.reason"))).isEqualTo("batch");
    });
    assertThat(server.getResource().getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("orders");
    assertThat(server.getInstrumentationScopeInfo().getName()).isEqualTo("remote");
    assertThat(server.getEndEpochNanos()).isGreaterThanOrEqualTo(server.getStartEpochNanos());
    assertThat(rejections).isEmpty();
  }

  @Test
  void listensOnLoopbackOnEphemeralPortsAndSaysHowToSendThere() {
    OtlpEndpoints endpoints = receiver.endpoints();

    assertThat(endpoints.http().getHost()).isEqualTo("127.0.0.1");
    assertThat(endpoints.http().getPort()).isPositive().isNotEqualTo(endpoints.grpc().getPort());
    assertThat(endpoints.environment(OtlpProtocol.GRPC))
        .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", endpoints.grpc().toString())
        .containsEntry("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")
        .containsEntry("OTEL_BSP_SCHEDULE_DELAY", "50")
        .containsEntry("OTEL_TRACES_SAMPLER", "always_on");
    assertThat(endpoints.systemPropertyArguments(OtlpProtocol.HTTP_PROTOBUF))
        .contains("-Dotel.exporter.otlp.endpoint=" + endpoints.http(), "-Dotel.exporter.otlp.protocol=http/protobuf");
  }

  @Test
  void aFixedPortIsUsedWhenGiven() throws Exception {
    // A port found free may be taken by another socket before the receiver binds it: then another
    // port is tried, a few times, so that only a receiver ignoring the port fails.
    for (int attempt = 1; ; attempt++) {
      int free;
      try (ServerSocket probe = new ServerSocket(0)) {
        free = probe.getLocalPort();
      }
      try (OtlpReceiver fixed = OtlpReceiver.builder().httpPort(free).sink(capture::received).start()) {
        assertThat(fixed.endpoints().http().getPort()).isEqualTo(free);
        return;
      } catch (ReceiverStartException e) {
        if (attempt == 5 || !OtlpReceiver.portInUse(e.getCause())) {
          throw e;
        }
      }
    }
  }

  @Test
  void aPortInUseIsAClearErrorNamingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> OtlpReceiver.builder().httpPort(port).sink(capture::received).start())
          .isInstanceOf(ReceiverStartException.class)
          .hasMessage("the OTLP/HTTP receiver cannot listen on 127.0.0.1:" + port
              + ": port " + port + " is already in use (another receiver, a Collector or a second test run?)")
          .satisfies(e -> assertThat(((ReceiverStartException) e).port()).isEqualTo(port));
      assertThatThrownBy(() -> OtlpReceiver.builder().grpcPort(port).sink(capture::received).start())
          .isInstanceOf(ReceiverStartException.class)
          .hasMessageStartingWith("the OTLP/gRPC receiver cannot listen on 127.0.0.1:" + port + ": port " + port + " is already in use");
    }
  }
}
