package io.github.tracecheck.junit;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.report.HtmlReport;
import io.github.tracecheck.report.FindingRecord;
import io.github.tracecheck.report.SourceSite;
import io.github.tracecheck.rules.RuleMode;
import io.github.tracecheck.report.MermaidDiagram;
import io.github.tracecheck.otlp.OtlpJsonWriter;
import io.github.tracecheck.rules.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Writes a test's reports for CI - {@code spans.otlp.json}, {@code hops.mmd} and {@code trace.html}
 * under {@code <dir>/<class>/<test>/} - keeps the run's {@code index.html}, {@code findings.json}
 * and {@code findings.sarif} up to date (merged over surefire's forks, {@link RunFiles}), and tells
 * JUnit about the files. One instance per run, kept in the root context's store.
 */
final class TestReports {

  static final String DIR = TraceCheck.REPORT_DIR_PROPERTY_NAME;
  static final String MODE = TraceCheck.REPORT_MODE_PROPERTY_NAME;

  /** When reports are written. */
  enum Mode {
    FAILED, ALL, OFF
  }

  private final Path directory;
  private final Mode mode;
  private final RunFiles runFiles;

  private TestReports(Path directory, Mode mode) {
    this.directory = directory;
    this.mode = mode;
    this.runFiles = new RunFiles(directory);
  }

  static TestReports read(PropertySource properties) {
    String modeText = properties.get(MODE).orElse("failed");
    Mode mode;
    try {
      mode = Mode.valueOf(modeText.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(MODE + ": '" + modeText + "' is not failed, all or off", e);
    }
    return new TestReports(Path.of(properties.get(DIR).orElse("target/tracecheck")), mode);
  }

  boolean wanted(boolean failed) {
    return mode == Mode.ALL || (mode == Mode.FAILED && failed);
  }

  /** Writes the three files of the test and the index; returns the test's report directory. */
  synchronized Path write(ExtensionContext context, TraceForest forest, List<Finding> findings, boolean failed) {
    String testClass = context.getRequiredTestClass().getName();
    String test = context.getRequiredTestMethod().getName() + "-" + Integer.toHexString(context.getUniqueId().hashCode());
    String relative = safe(testClass) + "/" + safe(test);
    Path dir = directory.resolve(relative);
    String title = context.getRequiredTestClass().getSimpleName() + " > " + context.getDisplayName();
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("spans.otlp.json"), OtlpJsonWriter.write(forest), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("hops.mmd"), MermaidDiagram.of(forest), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("trace.html"), HtmlReport.of(title, forest, findings), StandardCharsets.UTF_8);
      runFiles.addTest(title, failed ? "failed" : "passed", findings.size(), relative);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write tracecheck's reports to " + dir.toAbsolutePath(), e);
    }
    context.publishReportEntry("tracecheck.report", dir.resolve("trace.html").toAbsolutePath().toString());
    FileEntries.publish(context, dir, "trace.html", "text/html; charset=UTF-8");
    FileEntries.publish(context, dir, "spans.otlp.json", "application/json");
    FileEntries.publish(context, dir, "hops.mmd", "text/plain; charset=UTF-8");
    return dir;
  }

  /**
   * Adds the test's findings to the run's {@code findings.json} and {@code findings.sarif} (unless
   * reports are off), each at the site its span started, or else at the test class.
   */
  void recordFindings(ExtensionContext context, TraceForest forest, List<Finding> failures, List<Finding> warnings) {
    if (mode == Mode.OFF) {
      return;
    }
    String title = context.getRequiredTestClass().getSimpleName() + " > " + context.getDisplayName();
    SourceSite testClass = SourceSite.ofClass(context.getRequiredTestClass());
    List<FindingRecord> records = new ArrayList<>();
    for (Finding finding : failures) {
      records.add(FindingRecord.of(finding, forest, RuleMode.FAIL, title).orAt(testClass));
    }
    for (Finding finding : warnings) {
      records.add(FindingRecord.of(finding, forest, RuleMode.WARN, title).orAt(testClass));
    }
    runFiles.addFindings(records);
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
