package io.github.tracecheck.testing;

import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Spans as the Collector's file exporter writes them with {@code format: proto}: messages of {@code
 * spansPerMessage} spans each, each after its length as 4 bytes big-endian. The messages are
 * serialized by the SDK's own OTLP marshaler (an export request has the field numbers of {@code
 * TracesData}), so the reader is tested against bytes it did not write.
 */
public final class CollectorProtoFiles {

  private CollectorProtoFiles() {}

  /** The file's bytes. */
  public static byte[] of(List<SpanData> spans, int spansPerMessage) {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (int from = 0; from < spans.size(); from += spansPerMessage) {
      byte[] message = message(spans.subList(from, Math.min(spans.size(), from + spansPerMessage)));
      file.writeBytes(ByteBuffer.allocate(4).putInt(message.length).array());
      file.writeBytes(message);
    }
    return file.toByteArray();
  }

  /** One message's bytes, without its length. */
  public static byte[] message(List<SpanData> spans) {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    try {
      TraceRequestMarshaler.create(spans).writeBinaryTo(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return message.toByteArray();
  }
}
