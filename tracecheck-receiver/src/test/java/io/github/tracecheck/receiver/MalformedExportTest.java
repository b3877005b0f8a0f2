package io.github.tracecheck.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.rpc.Status;
import io.github.tracecheck.capture.SpanCapture;
import io.github.tracecheck.receiver.internal.GrpcTraceEndpoint.BytesMarshaller;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Exports a real exporter would never send: each gets OTLP's error response (HTTP 4xx with a
 * google.rpc.Status, gRPC INVALID_ARGUMENT or RESOURCE_EXHAUSTED), is told to the rejection
 * listener, and leaves nothing in the capture. A well-formed request beside them is still taken.
 */
class MalformedExportTest {

  private static final int LIMIT = 64 * 1024;
  private final SpanCapture capture = new SpanCapture(false);
  private final List<Rejection> rejections = new CopyOnWriteArrayList<>();
  private final OtlpReceiver receiver =
      OtlpReceiver.builder().maxRequestBytes(LIMIT).sink(capture::received).onRejection(rejections::add).start();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    receiver.close();
  }

  private HttpResponse<byte[]> post(String contentType, String encoding, byte[] body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.endpoints().http() + "/v1/traces"))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static ExportTraceServiceRequest request(Span.Builder span) {
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder().addSpans(span)))
        .build();
  }

  private static Span.Builder validSpan() {
    HexFormat hex = HexFormat.of();
    return Span.newBuilder()
        .setName("ok")
        .setTraceId(ByteString.copyFrom(hex.parseHex("4bf92f3577b34da6a3ce929d0e0e4736")))
        .setSpanId(ByteString.copyFrom(hex.parseHex("00f067aa0ba902b7")))
        .setKind(Span.SpanKind.SPAN_KIND_SERVER)
        .setStartTimeUnixNano(1_000)
        .setEndTimeUnixNano(2_000);
  }

  private void assertRejected(HttpResponse<byte[]> response, int code, String reason) throws Exception {
    assertThat(response.statusCode()).isEqualTo(code);
    assertThat(Status.parseFrom(response.body()).getMessage()).isEqualTo(reason);
    assertThat(rejections).containsExactly(new Rejection("OTLP/HTTP", reason));
    assertThat(capture.endedSpans()).isEmpty();
  }

  @Test
  void garbageProtobufIs400() throws Exception {
    HttpResponse<byte[]> response = post("application/x-protobuf", null, new byte[] {(byte) 0x0a, (byte) 0xff, 0x01});

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Status.parseFrom(response.body()).getMessage())
        .startsWith("not a protobuf ExportTraceServiceRequest (3 bytes): ");
    assertThat(rejections).singleElement().satisfies(r -> assertThat(r.transport()).isEqualTo("OTLP/HTTP"));
    assertThat(capture.endedSpans()).isEmpty();
  }

  @Test
  void aTraceIdOfTheWrongLengthIs400NamingTheField() throws Exception {
    byte[] body = request(validSpan().setTraceId(ByteString.copyFrom(new byte[] {1, 2, 3}))).toByteArray();

    assertRejected(post("application/x-protobuf", null, body), 400,
        "resourceSpans[0].scopeSpans[0].spans[0].traceId: 3 bytes, expected 16");
  }

  @Test
  void anAllZeroSpanIdIs400() throws Exception {
    byte[] body = request(validSpan().setSpanId(ByteString.copyFrom(new byte[8]))).toByteArray();

    assertRejected(post("application/x-protobuf", null, body), 400,
        "resourceSpans[0].scopeSpans[0].spans[0].spanId: all zeros, which is an invalid id");
  }

  @Test
  void anUnknownKindAndAnEndBeforeTheStartAre400() throws Exception {
    assertRejected(post("application/x-protobuf", null, request(validSpan().setKindValue(9)).toByteArray()), 400,
        "resourceSpans[0].scopeSpans[0].spans[0].kind: unknown span kind 9");
    rejections.clear();
    assertRejected(post("application/x-protobuf", null, request(validSpan().setEndTimeUnixNano(10)).toByteArray()), 400,
        "resourceSpans[0].scopeSpans[0].spans[0]: endTimeUnixNano 10 is before startTimeUnixNano 1000");
  }

  @Test
  void brokenJsonIs400WithTheLineAndColumnAndAJsonStatus() throws Exception {
    HttpResponse<byte[]> response = post("application/json", null, "{\"resourceSpans\": [".getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(body).startsWith("{\"code\":3,\"message\":\"the JSON request body: not valid JSON at line 1");
    assertThat(rejections).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("the JSON request body: not valid JSON at line 1"));
  }

  @Test
  void aValidJsonExportIsTaken() throws Exception {
    String json = "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"node\"}}]},"
        + "\"scopeSpans\":[{\"scope\":{\"name\":\"js\"},\"spans\":[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\","
        + "\"spanId\":\"00f067aa0ba902b7\",\"name\":\"GET /\",\"kind\":2,\"startTimeUnixNano\":\"1000\",\"endTimeUnixNano\":\"2000\"}]}]}]}";

    HttpResponse<byte[]> response = post("application/json; charset=utf-8", null, json.getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
    assertThat(capture.endedSpans()).singleElement().satisfies(span -> assertThat(span.getName()).isEqualTo("GET /"));
    assertThat(rejections).isEmpty();
  }

  @Test
  void aGzipProtobufExportIsTakenAndBrokenGzipIs400() throws Exception {
    HttpResponse<byte[]> ok = post("application/x-protobuf", "gzip", gzip(request(validSpan()).toByteArray()));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(capture.endedSpans()).hasSize(1);

    HttpResponse<byte[]> broken = post("application/x-protobuf", "gzip", new byte[] {1, 2, 3, 4});
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(rejections).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("cannot read the gzip body: "));
  }

  @Test
  void anUnknownContentTypeOrEncodingIs415() throws Exception {
    assertRejected(post("text/plain", null, new byte[] {1}), 415,
        "unsupported Content-Type \"text/plain\": send application/x-protobuf or application/json");
    rejections.clear();
    assertRejected(post("application/x-protobuf", "br", new byte[] {1}), 415,
        "unsupported Content-Encoding \"br\": send gzip or none");
  }

  @Test
  void anOversizedBodyIs413AndAGzipBombIsStoppedAtTheLimit() throws Exception {
    assertRejected(post("application/x-protobuf", null, new byte[LIMIT + 1]), 413,
        "the request body of " + (LIMIT + 1) + " bytes is over the limit of " + LIMIT + " bytes");
    rejections.clear();
    // 8 MiB of zeros compress to a few KiB: the wire size passes, the decompressed size may not.
    byte[] bomb = gzip(new byte[8 * 1024 * 1024]);
    assertThat(bomb.length).isLessThan(LIMIT);
    assertRejected(post("application/x-protobuf", "gzip", bomb), 413,
        "the decompressed request body is over the limit of " + LIMIT + " bytes");
  }

  @Test
  void otherPathsAndMethodsAreRefusedWithoutARejection() throws Exception {
    HttpResponse<byte[]> metrics = post("application/x-protobuf", null, new byte[0]);
    assertThat(metrics.statusCode()).isEqualTo(200); // an empty request is a valid empty export
    HttpResponse<byte[]> other = http.send(HttpRequest.newBuilder(URI.create(receiver.endpoints().http() + "/v1/metrics"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0])).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(other.statusCode()).isEqualTo(404);
    HttpResponse<byte[]> get = http.send(HttpRequest.newBuilder(URI.create(receiver.endpoints().http() + "/v1/traces")).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(rejections).isEmpty();
  }

  @Test
  void grpcAnswersInvalidArgumentForAMalformedMessageAndResourceExhaustedForAnOversizedOne() throws Exception {
    ManagedChannel channel = NettyChannelBuilder.forTarget("127.0.0.1:" + receiver.endpoints().grpc().getPort()).usePlaintext().build();
    try {
      MethodDescriptor<byte[], byte[]> export = MethodDescriptor.<byte[], byte[]>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName("opentelemetry.proto.collector.trace.v1.TraceService/Export")
          .setRequestMarshaller(new BytesMarshaller()).setResponseMarshaller(new BytesMarshaller()).build();
      byte[] badSpan = request(validSpan().setParentSpanId(ByteString.copyFrom(new byte[] {1}))).toByteArray();

      assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, export, CallOptions.DEFAULT, badSpan))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT);
            assertThat(e.getStatus().getDescription()).isEqualTo("resourceSpans[0].scopeSpans[0].spans[0].parentSpanId: 1 bytes, expected 8");
          });
      assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, export, CallOptions.DEFAULT, new byte[] {(byte) 0x0a, (byte) 0xff}))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT));
      assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, export, CallOptions.DEFAULT, new byte[LIMIT + 1]))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.RESOURCE_EXHAUSTED));
      assertThat(rejections).extracting(Rejection::transport).containsExactly("OTLP/gRPC", "OTLP/gRPC");
      assertThat(capture.endedSpans()).isEmpty();
    } finally {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.toByteArray();
  }
}
