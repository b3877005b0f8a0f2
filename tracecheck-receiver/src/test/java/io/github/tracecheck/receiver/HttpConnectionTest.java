package io.github.tracecheck.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.github.tracecheck.capture.SpanCapture;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OTLP/HTTP as senders write it on the wire, byte for byte over a socket: a sender that waits for
 * {@code 100 Continue}, a chunked body (Node.js), one connection reused after a refused export, and
 * bytes that are not HTTP at all.
 */
class HttpConnectionTest {

  private static final int LIMIT = 4 * 1024;
  private final SpanCapture capture = new SpanCapture(false);
  private final List<Rejection> rejections = new CopyOnWriteArrayList<>();
  private final OtlpReceiver receiver =
      OtlpReceiver.builder().maxRequestBytes(LIMIT).sink(capture::received).onRejection(rejections::add).start();

  @AfterEach
  void close() {
    receiver.close();
  }

  @Test
  void aSenderWaitingForContinueGetsItAndItsExportIsTaken() throws Exception {
    byte[] body = export("after continue");
    try (Socket socket = connect()) {
      write(socket, head("application/x-protobuf", "Content-Length: " + body.length + "\r\nExpect: 100-continue\r\n"));

      assertThat(readResponse(socket).status()).isEqualTo(100);
      socket.getOutputStream().write(body);
      assertThat(readResponse(socket).status()).isEqualTo(200);
    }
    assertThat(capture.endedSpans()).singleElement().satisfies(span -> assertThat(span.getName()).isEqualTo("after continue"));
  }

  @Test
  void aChunkedBodyIsTaken() throws Exception {
    byte[] body = export("chunked");
    int half = body.length / 2;
    try (Socket socket = connect()) {
      write(socket, head("application/x-protobuf", "Transfer-Encoding: chunked\r\n"));
      chunk(socket, body, 0, half);
      chunk(socket, body, half, body.length - half);
      write(socket, "0\r\n\r\n");

      assertThat(readResponse(socket).status()).isEqualTo(200);
    }
    assertThat(capture.endedSpans()).singleElement().satisfies(span -> assertThat(span.getName()).isEqualTo("chunked"));
    assertThat(rejections).isEmpty();
  }

  @Test
  void aChunkedBodyOverTheBoundIs413AndTheConnectionIsClosed() throws Exception {
    byte[] piece = new byte[LIMIT / 2 + 1];
    try (Socket socket = connect()) {
      write(socket, head("application/x-protobuf", "Transfer-Encoding: chunked\r\n"));
      chunk(socket, piece, 0, piece.length);
      chunk(socket, piece, 0, piece.length);

      Response response = readResponse(socket);
      assertThat(response.status()).isEqualTo(413);
      assertThat(com.google.rpc.Status.parseFrom(response.body()).getMessage())
          .isEqualTo("the request body is over the limit of " + LIMIT + " bytes");
      assertThat(socket.getInputStream().read()).as("closed after the answer").isEqualTo(-1);
    }
    assertThat(capture.endedSpans()).isEmpty();
  }

  @Test
  void aRefusedExportLeavesTheConnectionUsableForTheNextOne() throws Exception {
    byte[] body = export("second request");
    try (Socket socket = connect()) {
      write(socket, head("text/plain", "Content-Length: 5\r\n") + "hello");
      assertThat(readResponse(socket).status()).isEqualTo(415);

      write(socket, head("application/x-protobuf", "Content-Length: " + body.length + "\r\n"));
      socket.getOutputStream().write(body);
      assertThat(readResponse(socket).status()).isEqualTo(200);
    }
    assertThat(capture.endedSpans()).singleElement().satisfies(span -> assertThat(span.getName()).isEqualTo("second request"));
    assertThat(rejections).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("unsupported Content-Type \"text/plain\""));
  }

  @Test
  void bytesThatAreNotHttpAre400AndTheConnectionIsClosed() throws Exception {
    try (Socket socket = connect()) {
      write(socket, "this is not http\r\n\r\n");

      assertThat(readResponse(socket).status()).isEqualTo(400);
      assertThat(socket.getInputStream().read()).as("closed after the answer").isEqualTo(-1);
    }
    assertThat(rejections).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("not a valid HTTP request: "));
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), receiver.endpoints().http().getPort());
    socket.setSoTimeout(10_000); // a missing answer fails the test instead of hanging it
    return socket;
  }

  private static String head(String contentType, String moreHeaders) {
    return "POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\n" + moreHeaders + "\r\n";
  }

  private static void write(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static void chunk(Socket socket, byte[] bytes, int from, int length) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes, from, length);
    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  private static byte[] export(String name) {
    HexFormat hex = HexFormat.of();
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder().addSpans(Span.newBuilder()
            .setName(name)
            .setTraceId(ByteString.copyFrom(hex.parseHex("4bf92f3577b34da6a3ce929d0e0e4736")))
            .setSpanId(ByteString.copyFrom(hex.parseHex("00f067aa0ba902b7")))
            .setStartTimeUnixNano(1_000)
            .setEndTimeUnixNano(2_000))))
        .build()
        .toByteArray();
  }

  private record Response(int status, byte[] body) {}

  /** One response: the status line, the headers up to the blank line, and a Content-Length body. */
  private static Response readResponse(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    String statusLine = line(in);
    int length = 0;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(header.substring("content-length:".length()).trim());
      }
    }
    return new Response(Integer.parseInt(statusLine.split(" ")[1]), in.readNBytes(length));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        throw new IOException("the connection closed in the middle of a response: " + line);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
