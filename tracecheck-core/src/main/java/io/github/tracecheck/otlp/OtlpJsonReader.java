package io.github.tracecheck.otlp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads OTLP JSON trace files — the protobuf JSON mapping of {@code ExportTraceServiceRequest}, as
 * the Collector's file exporter and {@code OtlpStdoutSpanExporter} write it — into {@link SpanData}
 * for {@code TraceForest.of}. A file holds one document or several (JSON lines: one per line). It
 * is read as a stream of JSON tokens and each span is handed on as soon as it is read ({@link
 * #stream}), so a file larger than memory can be checked.
 *
 * <p>Strict: anything that cannot be read as a span is an {@link OtlpFormatException} naming the
 * input, the line and column and the JSON path (and the byte offset of an encoding error); nothing
 * is skipped silently. A document that is not valid JSON is reported as such before anything it
 * may mean; in JSON lines, a line whose document does not end on it is reported at that line.
 * Unknown fields are ignored, as the protobuf JSON mapping allows. A UTF-8 byte-order mark is
 * accepted.
 */
public final class OtlpJsonReader {

  private OtlpJsonReader() {}

  /** Reads every span of the file. */
  public static List<SpanData> read(Path file) throws OtlpFormatException {
    List<SpanData> spans = new ArrayList<>();
    stream(file, spans::add);
    return spans;
  }

  /** Hands every span of the file to {@code out}, in the file's order. */
  public static void stream(Path file, Consumer<? super SpanData> out) throws OtlpFormatException {
    try (InputStream in = Files.newInputStream(file)) {
      stream(in, file.toString(), out);
    } catch (IOException e) {
      throw new OtlpFormatException(file + ": cannot read the file: " + e.getMessage(), e);
    }
  }

  /**
   * Hands every span of the documents in {@code in} (UTF-8, or UTF-16/32 as JSON allows) to {@code
   * out}; it leaves {@code in} open.
   *
   * @param source the name used in error messages, e.g. the file name
   */
  public static void stream(InputStream in, String source, Consumer<? super SpanData> out) throws OtlpFormatException {
    try (JsonParser parser = JsonCursor.open(in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16))) {
      readDocuments(parser, source, out);
    } catch (IOException e) {
      throw new OtlpFormatException(source + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads every span of the documents in {@code reader}, which it leaves open.
   *
   * @param source the name used in error messages, e.g. the file name
   */
  public static List<SpanData> read(Reader reader, String source) throws OtlpFormatException {
    List<SpanData> spans = new ArrayList<>();
    try (JsonParser parser = JsonCursor.open(reader)) {
      readDocuments(parser, source, spans::add);
    } catch (IOException e) {
      throw new OtlpFormatException(source + ": cannot read: " + e.getMessage(), e);
    }
    return spans;
  }

  private static void readDocuments(JsonParser parser, String source, Consumer<? super SpanData> out)
      throws OtlpFormatException, IOException {
    int documents = 0;
    // JSON lines: the first document took one line and the next began on another line
    boolean jsonLines = false;
    int firstLine = 0;
    int lastLine = 0;
    int line = 0;
    JsonCursor document = new JsonCursor(parser, source);
    // one reader for every document of the stream: what it keeps between them is bounded (SharedValues)
    TraceDocumentReader reader = new TraceDocumentReader(document, new SharedValues());
    try {
      while (parser.nextToken() != null) {
        line = parser.currentTokenLocation().getLineNr();
        if (documents == 1 && firstLine == lastLine && line > lastLine) {
          jsonLines = true;
        }
        documents++;
        try {
          reader.read(out::accept);
        } catch (OtlpFormatException e) {
          document.skipToEndOfDocument();
          throw e;
        }
        lastLine = parser.currentLocation().getLineNr();
        if (documents == 1) {
          firstLine = line;
        }
        if (jsonLines && lastLine != line) {
          throw new OtlpFormatException(source + " at line " + line
              + ": the document on this line ends on line " + lastLine + " (JSON lines hold one document per line)");
        }
      }
    } catch (JsonProcessingException e) {
      throw notJson(parser, source, e, jsonLines ? line : 0);
    } catch (java.io.CharConversionException e) {
      throw new OtlpFormatException(source + ": not valid text at byte " + parser.currentLocation().getByteOffset()
          + ": " + e.getMessage(), e);
    }
    if (documents == 0) {
      throw new OtlpFormatException(source + ": contains no OTLP JSON document");
    }
  }

  /**
   * The syntax, encoding or limit error with its position: line and column, the byte offset for an
   * encoding error, and in JSON lines the line whose document broke, when the parser noticed only later.
   */
  private static OtlpFormatException notJson(JsonParser parser, String source, JsonProcessingException e, int jsonLine) {
    JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
    // Jackson appends where an enclosing array started, with a "[Source: REDACTED ...]" note; the
    // position says where the input broke.
    String problem = e.getOriginalMessage().replaceAll("\\s*\\(for [^\\n]*$", "");
    String where = JsonCursor.position(at);
    if (problem.contains("UTF-8") || problem.contains("UTF-16") || problem.contains("UTF-32")) {
      return new OtlpFormatException(
          // the parser has read the offending byte when it says so: the offset counted from 0 is one less
          source + ": not valid " + encoding(problem) + " at byte offset " + (at.getByteOffset() - 1) + " (line " + at.getLineNr()
              + ", column " + at.getColumnNr() + "): " + problem, e);
    }
    if (jsonLine > 0 && at.getLineNr() > jsonLine) {
      return new OtlpFormatException(source + " at line " + jsonLine
          + ": the document on this line is not complete (JSON lines hold one document per line); reading on, "
          + where + ": " + problem, e);
    }
    return new OtlpFormatException(source + ": not valid JSON " + where + ": " + problem, e);
  }

  private static String encoding(String problem) {
    return problem.contains("UTF-8") ? "UTF-8" : problem.contains("UTF-16") ? "UTF-16" : "UTF-32";
  }
}
