package io.github.tracecheck.otlp;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the OTLP inputs a command line names - files, and {@value #STANDARD_INPUT} for standard
 * input - into one list of spans, so that a hop between two services whose spans sit in different
 * inputs is still checked. Each input is OTLP JSON ({@link OtlpJsonReader}) or the Collector's
 * {@code format: proto} frames ({@link OtlpProtoReader}), told apart by its extension or its first
 * byte ({@link OtlpInputFormat}). The first input that cannot be read stops the reading.
 */
public final class OtlpFiles {

  /** The input name that stands for standard input. */
  public static final String STANDARD_INPUT = "-";

  private OtlpFiles() {}

  /** Every span of every input, in the order of the inputs. */
  public static List<SpanData> read(List<String> inputs, InputStream standardInput) throws OtlpFormatException {
    List<SpanData> spans = new ArrayList<>();
    stream(inputs, standardInput, spans::add);
    return spans;
  }

  /** Hands every span of every input to {@code out} as it is read, in the order of the inputs. */
  public static void stream(List<String> inputs, InputStream standardInput, Consumer<? super SpanData> out)
      throws OtlpFormatException {
    for (String input : inputs) {
      if (input.equals(STANDARD_INPUT)) {
        stream(standardInput, "", "standard input", out);
      } else {
        try (InputStream file = Files.newInputStream(path(input))) {
          stream(file, input, input, out);
        } catch (IOException e) {
          throw new OtlpFormatException(input + ": cannot read the file: " + e.getMessage(), e);
        }
      }
    }
  }

  private static void stream(InputStream in, String name, String source, Consumer<? super SpanData> out)
      throws OtlpFormatException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    OtlpInputFormat format;
    try {
      format = OtlpInputFormat.of(name, buffered);
    } catch (IOException e) {
      throw new OtlpFormatException(source + ": cannot read: " + e.getMessage(), e);
    }
    if (format == OtlpInputFormat.PROTO) {
      OtlpProtoReader.stream(buffered, source, out);
    } else {
      OtlpJsonReader.stream(buffered, source, out);
    }
  }

  private static Path path(String input) throws OtlpFormatException {
    try {
      return Path.of(input);
    } catch (InvalidPathException e) {
      throw new OtlpFormatException(input + ": cannot read the file: " + e.getMessage(), e);
    }
  }
}
