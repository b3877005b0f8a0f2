package io.github.tracecheck.junit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.tracecheck.report.FindingRecord;
import io.github.tracecheck.report.FindingsJsonReader;
import io.github.tracecheck.report.FindingsJsonWriter;
import io.github.tracecheck.report.IndexPage;
import io.github.tracecheck.report.SarifWriter;
import io.github.tracecheck.report.SourceRoots;
import io.github.tracecheck.rules.Rule;
import io.github.tracecheck.rules.Rules;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's files under the report directory - {@code findings.json}, {@code findings.sarif} and
 * {@code index.html} - merged from every JVM of the run, so that surefire's forks ({@code
 * forkCount} &gt; 1) add to them instead of overwriting each other. Each JVM keeps its part under
 * {@code .parts/} and, under a file lock, rewrites the merged files from all parts of the run.
 *
 * <p>A run is the JVMs started by one parent process (one Maven build; the shell surefire starts
 * each fork through is skipped); parts of other runs are deleted, so files left by an earlier build
 * do not leak into this one.
 */
final class RunFiles {

  private static final JsonFactory JSON = new JsonFactory();

  private final Path directory;
  private final Path parts;
  private final String run;
  private final String jvm;
  private final List<FindingRecord> findings = new ArrayList<>();
  private final List<String[]> entryFields = new ArrayList<>();
  private boolean staleRemoved;

  RunFiles(Path directory) {
    this.directory = directory;
    this.parts = directory.resolve(".parts");
    ProcessHandle self = ProcessHandle.current();
    this.run = "run-" + launcher(self).map(RunFiles::id).orElse("none");
    this.jvm = id(self);
  }

  /**
   * The process that started this JVM's run: surefire starts each fork through its own shell
   * ({@code /bin/sh -c java ...}), so shells are skipped up to the build's JVM they share.
   */
  private static java.util.Optional<ProcessHandle> launcher(ProcessHandle self) {
    java.util.Optional<ProcessHandle> parent = self.parent();
    while (parent.isPresent() && isShell(parent.get())) {
      parent = parent.get().parent();
    }
    return parent;
  }

  private static boolean isShell(ProcessHandle process) {
    String command = process.info().command().orElse("");
    String name = command.substring(command.lastIndexOf('/') + 1);
    return name.matches("(ba|da|z|k|c|tc)?sh");
  }

  private static String id(ProcessHandle process) {
    return process.pid() + "-" + process.info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("0");
  }

  /** Adds a test's line to the run's index page. */
  synchronized void addTest(String title, String outcome, int findingCount, String relativeDirectory) {
    entryFields.add(new String[] {title, outcome, Integer.toString(findingCount), relativeDirectory});
    update();
  }

  /** Adds a test's findings to the run's findings files. */
  synchronized void addFindings(List<FindingRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    findings.addAll(records);
    update();
  }

  private void update() {
    try {
      Files.createDirectories(parts);
      try (FileChannel channel = FileChannel.open(parts.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        removeStaleParts();
        writePart();
        merge();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write tracecheck's run files to " + directory.toAbsolutePath(), e);
    }
  }

  private void removeStaleParts() throws IOException {
    if (staleRemoved) {
      return;
    }
    staleRemoved = true;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(parts, "run-*")) {
      for (Path file : files) {
        if (!file.getFileName().toString().startsWith(run + ".")) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /** This JVM's part: its findings, and its index lines. */
  private void writePart() throws IOException {
    Path findingsPart = parts.resolve(run + "." + jvm + ".findings.json");
    try (Writer out = Files.newBufferedWriter(temporary(findingsPart), StandardCharsets.UTF_8);
        FindingsJsonWriter json = new FindingsJsonWriter(out)) {
      for (FindingRecord finding : findings) {
        json.add(finding);
      }
    }
    replace(findingsPart);
    Path indexPart = parts.resolve(run + "." + jvm + ".index.json");
    try (Writer out = Files.newBufferedWriter(temporary(indexPart), StandardCharsets.UTF_8);
        JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartArray();
      for (String[] entry : entryFields) {
        json.writeStartArray();
        for (String field : entry) {
          json.writeString(field);
        }
        json.writeEndArray();
      }
      json.writeEndArray();
    }
    replace(indexPart);
  }

  private void merge() throws IOException {
    List<FindingRecord> allFindings = new ArrayList<>();
    List<IndexPage.Entry> allEntries = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(parts, run + ".*.json")) {
      List<Path> sorted = new ArrayList<>();
      files.forEach(sorted::add);
      sorted.sort(null);
      for (Path file : sorted) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          if (file.toString().endsWith(".findings.json")) {
            allFindings.addAll(FindingsJsonReader.read(in));
          } else {
            allEntries.addAll(readEntries(in));
          }
        }
      }
    }
    Path findingsFile = directory.resolve("findings.json");
    try (Writer out = Files.newBufferedWriter(temporary(findingsFile), StandardCharsets.UTF_8);
        FindingsJsonWriter json = new FindingsJsonWriter(out)) {
      for (FindingRecord finding : allFindings) {
        json.add(finding);
      }
      json.summary(java.util.Map.of("findings", (long) allFindings.size()));
    }
    replace(findingsFile);
    Path sarifFile = directory.resolve("findings.sarif");
    SourceRoots roots = SourceRoots.ofWorkingDirectory();
    try (Writer out = Files.newBufferedWriter(temporary(sarifFile), StandardCharsets.UTF_8);
        SarifWriter sarif = new SarifWriter(out, Rules.builtIn().stream().map(Rule::info).toList(), roots)) {
      for (FindingRecord finding : allFindings) {
        sarif.add(finding, "");
      }
    }
    replace(sarifFile);
    Path index = directory.resolve("index.html");
    Files.writeString(temporary(index), IndexPage.of(allEntries), StandardCharsets.UTF_8);
    replace(index);
  }

  private static List<IndexPage.Entry> readEntries(Reader in) throws IOException {
    List<IndexPage.Entry> read = new ArrayList<>();
    try (JsonParser json = JSON.createParser(in)) {
      if (json.nextToken() != JsonToken.START_ARRAY) {
        return read;
      }
      while (json.nextToken() == JsonToken.START_ARRAY) {
        List<String> fields = new ArrayList<>();
        while (json.nextToken() == JsonToken.VALUE_STRING) {
          fields.add(json.getText());
        }
        if (fields.size() == 4) {
          read.add(new IndexPage.Entry(fields.get(0), fields.get(1), Integer.parseInt(fields.get(2)), fields.get(3)));
        }
      }
    }
    return read;
  }

  private static Path temporary(Path file) {
    return file.resolveSibling(file.getFileName() + ".tmp");
  }

  /** Readers (a browser, CI) never see a half-written file. */
  private static void replace(Path file) throws IOException {
    Files.move(temporary(file), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
