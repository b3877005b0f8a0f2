package io.github.tracecheck.report;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.common.AttributeKey;
import java.util.Optional;

/**
 * Where in the source code a span was started: from the stack the capture recorded (the first frame
 * outside OpenTelemetry, tracecheck and the JDK), or from the {@code code.*} attributes
 * instrumentation records ({@code code.file.path} / {@code code.filepath}, {@code code.line.number} /
 * {@code code.lineno}). The path is as the source tree has it, e.g. {@code com/example/Checkout.java}
 * for a stack frame; {@link #line()} is 0 when unknown.
 */
public record SourceSite(String path, int line) {

  private static final AttributeKey<String> FILE_PATH = AttributeKey.stringKey("code.file.path");
  private static final AttributeKey<String> OLD_FILE_PATH = AttributeKey.stringKey("code.filepath");
  private static final AttributeKey<Long> LINE_NUMBER = AttributeKey.longKey("code.line.number");
  private static final AttributeKey<Long> OLD_LINE_NUMBER = AttributeKey.longKey("code.lineno");

  /** Frames of these packages are the machinery that started the span, not the user's code. */
  private static final String[] MACHINERY = {
    "io.opentelemetry.", "io.github.tracecheck.capture.", "io.github.tracecheck.junit.", "io.github.tracecheck.spring.",
    "io.github.tracecheck.kafka.", "io.github.tracecheck.grpc.", "io.github.tracecheck.http.", "java.", "javax.", "jdk.",
    "sun.", "com.sun.", "org.junit.", "kotlin.", "scala."
  };

  /** Where the span started, when the capture or the span's attributes know it. */
  public static Optional<SourceSite> of(SpanNode span, TraceForest forest) {
    Optional<SourceSite> fromStack = forest.startOf(span).flatMap(SourceSite::fromStack);
    if (fromStack.isPresent()) {
      return fromStack;
    }
    String path = span.attribute(FILE_PATH) != null ? span.attribute(FILE_PATH) : span.attribute(OLD_FILE_PATH);
    if (path == null || path.isBlank()) {
      return Optional.empty();
    }
    Long line = span.attribute(LINE_NUMBER) != null ? span.attribute(LINE_NUMBER) : span.attribute(OLD_LINE_NUMBER);
    return Optional.of(new SourceSite(path, line == null || line < 0 || line > Integer.MAX_VALUE ? 0 : line.intValue()));
  }

  /** The source file of a class (of its top-level class, for a nested one), without a line. */
  public static SourceSite ofClass(Class<?> type) {
    Class<?> topLevel = type;
    while (topLevel.getEnclosingClass() != null) {
      topLevel = topLevel.getEnclosingClass();
    }
    String packagePath = topLevel.getPackageName().replace('.', '/');
    return new SourceSite((packagePath.isEmpty() ? "" : packagePath + "/") + topLevel.getSimpleName() + ".java", 0);
  }

  private static Optional<SourceSite> fromStack(SpanStart start) {
    for (StackTraceElement frame : start.startedAt()) {
      if (frame.getFileName() != null && !isMachinery(frame.getClassName())) {
        String className = frame.getClassName();
        int lastDot = className.lastIndexOf('.');
        String directory = lastDot < 0 ? "" : className.substring(0, lastDot).replace('.', '/') + "/";
        return Optional.of(new SourceSite(directory + frame.getFileName(), Math.max(0, frame.getLineNumber())));
      }
    }
    return Optional.empty();
  }

  private static boolean isMachinery(String className) {
    for (String prefix : MACHINERY) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
