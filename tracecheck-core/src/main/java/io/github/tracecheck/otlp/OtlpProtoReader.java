package io.github.tracecheck.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.trace.v1.TracesData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads OTLP protobuf trace files as the Collector's file exporter writes them with {@code format:
 * proto}: a sequence of {@code TracesData} messages, each preceded by its length in bytes as a
 * 4-byte big-endian unsigned integer. Messages are decoded by the official OTLP classes one at a
 * time and their spans handed on at once (converted by {@link OtlpProtoSpans}), so a file larger
 * than memory can be checked as long as each message fits.
 *
 * <p>Strict: a length prefix or a message cut off by the end of the input, a message that is not
 * valid protobuf, or a span that cannot be read is an {@link OtlpFormatException} naming the
 * input, the message's number and byte offset, and the field by its path with the byte offset of
 * the fault where the wire format shows it.
 */
public final class OtlpProtoReader {

  private static final int LENGTH_BYTES = 4;

  /**
   * The largest message read: the Collector writes a batch per message, a few MiB at most, while
   * the first bytes of a file that is not protobuf (JSON's <code>{"re</code> reads as 2 GB) would
   * make one message of the whole file and exhaust the heap before failing.
   */
  public static final int MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

  private OtlpProtoReader() {}

  /**
   * Hands every span of the messages in {@code in} to {@code out}, in order; it leaves {@code in} open.
   *
   * @param source the name used in error messages, e.g. the file name
   */
  public static void stream(InputStream in, String source, Consumer<? super SpanData> out) throws OtlpFormatException {
    byte[] prefix = new byte[LENGTH_BYTES];
    long offset = 0;
    int messages = 0;
    try {
      while (true) {
        int read = in.readNBytes(prefix, 0, LENGTH_BYTES);
        if (read == 0) {
          break;
        }
        String message = source + ": message " + messages + " at byte offset " + offset;
        if (read < LENGTH_BYTES) {
          throw new OtlpFormatException(message + ": the input ends after " + read
              + " of the 4 bytes of its length (the Collector's format: proto writes each message after its length)");
        }
        long length = ((prefix[0] & 0xffL) << 24) | ((prefix[1] & 0xff) << 16) | ((prefix[2] & 0xff) << 8) | (prefix[3] & 0xff);
        if (length > MAX_MESSAGE_BYTES) {
          throw new OtlpFormatException(message + ": a length of " + length + " bytes, over the "
              + MAX_MESSAGE_BYTES / (1024 * 1024) + " MiB a message may have (is this a Collector format: proto file?"
              + " A JSON file needs a .json, .jsonl or .ndjson name)");
        }
        // readNBytes grows its buffer as bytes come: a length from a broken file allocates no more than there is
        byte[] bytes = in.readNBytes((int) length);
        if (bytes.length < length) {
          throw new OtlpFormatException(message + ": cut off: its length says " + length
              + " bytes, the input ends after " + bytes.length + " (is this a Collector format: proto file?)");
        }
        for (SpanData span : spans(bytes, message, offset + LENGTH_BYTES)) {
          out.accept(span);
        }
        offset += LENGTH_BYTES + length;
        messages++;
      }
    } catch (IOException e) {
      throw new OtlpFormatException(source + ": cannot read at byte offset " + offset + ": " + e.getMessage(), e);
    }
    if (messages == 0) {
      throw new OtlpFormatException(source + ": contains no OTLP protobuf message");
    }
  }

  private static List<SpanData> spans(byte[] bytes, String message, long bodyOffset) throws OtlpFormatException {
    TracesData data;
    try {
      data = TracesData.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      ProtoWireFault fault = ProtoWireFault.find(bytes, TracesData.getDescriptor());
      if (fault == null) {
        throw new OtlpFormatException(message + ": not a valid TracesData message: " + e.getMessage(), e);
      }
      throw new OtlpFormatException(message + ": not a valid TracesData message: " + fault.path()
          + " at byte offset " + (bodyOffset + fault.offset()) + ": " + fault.problem(), e);
    }
    try {
      return OtlpProtoSpans.toSpanData(data);
    } catch (OtlpFormatException e) {
      throw new OtlpFormatException(message + ": " + e.getMessage(), e);
    }
  }
}
