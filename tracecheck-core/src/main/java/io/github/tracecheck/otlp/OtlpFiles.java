package io.github.tracecheck.otlp;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the OTLP JSON inputs a command line names - files, and {@value #STANDARD_INPUT} for standard
 * input - into one list of spans, so that a hop between two services whose spans sit in different
 * inputs is still checked. The first input that cannot be read stops the reading.
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
        OtlpJsonReader.stream(standardInput, "standard input", out);
      } else {
        OtlpJsonReader.stream(path(input), out);
      }
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
