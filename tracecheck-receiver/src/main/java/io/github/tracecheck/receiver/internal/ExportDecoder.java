package io.github.tracecheck.receiver.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.tracecheck.otlp.OtlpFormatException;
import io.github.tracecheck.otlp.OtlpJsonReader;
import io.github.tracecheck.otlp.OtlpProtoSpans;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes the body of one export request, protobuf or JSON, into spans. Both transports use it, so
 * that a request means the same whichever way it came.
 */
public final class ExportDecoder {

  private ExportDecoder() {}

  /** A protobuf {@code ExportTraceServiceRequest}. */
  public static List<SpanData> protobuf(byte[] body) throws OtlpFormatException {
    ExportTraceServiceRequest request;
    try {
      request = ExportTraceServiceRequest.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      throw new OtlpFormatException(
          "not a protobuf ExportTraceServiceRequest (" + body.length + " bytes): " + e.getMessage(), e);
    }
    return OtlpProtoSpans.toSpanData(request);
  }

  /** The protobuf JSON mapping of an {@code ExportTraceServiceRequest}, read by the core's OTLP JSON reader. */
  public static List<SpanData> json(byte[] body) throws OtlpFormatException {
    return OtlpJsonReader.read(
        new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8), "the JSON request body");
  }
}
