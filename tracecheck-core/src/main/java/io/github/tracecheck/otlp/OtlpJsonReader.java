package io.github.tracecheck.otlp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads OTLP JSON trace files — the protobuf JSON mapping of {@code ExportTraceServiceRequest}, as
 * the Collector's file exporter and {@code OtlpStdoutSpanExporter} write it — into {@link SpanData}
 * for {@code TraceForest.of}. A file holds one document or several (one per line). It is read as a
 * stream of JSON tokens, so a large export is never held twice in memory.
 *
 * <p>Strict: anything that cannot be read as a span is an {@link OtlpFormatException} naming the
 * file, the line of the document and the field; nothing is skipped silently. A document that is not
 * valid JSON is reported as such, with the line and column, before anything it may mean. Unknown
 * fields are ignored, as the protobuf JSON mapping allows.
 */
public final class OtlpJsonReader {

  private OtlpJsonReader() {}

  /** Reads every span of the file. */
  public static List<SpanData> read(Path file) throws OtlpFormatException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString());
    } catch (IOException e) {
      throw new OtlpFormatException(file + ": cannot read the file: " + e.getMessage(), e);
    }
  }

  /**
   * Reads every span of the documents in {@code reader}, which it leaves open.
   *
   * @param source the name used in error messages, e.g. the file name
   */
  public static List<SpanData> read(Reader reader, String source) throws OtlpFormatException {
    List<SpanData> spans = new ArrayList<>();
    int documents = 0;
    try (JsonParser parser = JsonCursor.open(reader)) {
      while (parser.nextToken() != null) {
        documents++;
        JsonCursor document = new JsonCursor(parser, source + ", document at line " + parser.currentTokenLocation().getLineNr());
        try {
          new TraceDocumentReader(document).read(spans);
        } catch (OtlpFormatException e) {
          document.skipToEndOfDocument();
          throw e;
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      // Jackson appends where an enclosing array started, with a "[Source: REDACTED ...]" note; the
      // position above already says where the input broke.
      String problem = e.getOriginalMessage().replaceAll("\\s*\\(for [^\\n]*$", "");
      throw new OtlpFormatException(source + ": not valid JSON" + where + ": " + problem, e);
    } catch (IOException e) {
      throw new OtlpFormatException(source + ": cannot read: " + e.getMessage(), e);
    }
    if (documents == 0) {
      throw new OtlpFormatException(source + ": contains no OTLP JSON document");
    }
    return spans;
  }
}
