package io.github.tracecheck.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.tracecheck.rules.RuleInfo;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes findings as SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it, streamed
 * as they are found: one run of the tool {@code tracecheck}, its rules' metadata from the rule
 * registry, and one result per finding with
 *
 * <ul>
 *   <li>a physical location: where the span was started when known, else the artifact the finding
 *       came from (the test class, the trace file) - code scanning needs one for every result;
 *   <li>logical locations: the span and its trace, by id;
 *   <li>a partial fingerprint without ids and numbers, so the same problem in the next run is the
 *       same alert.
 * </ul>
 *
 * Only masked values are written: {@link FindingRecord}s are masked when made.
 */
public final class SarifWriter implements Closeable {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final String HELP = "https://github.com/tracecheck/tracecheck#the-rules";

  private final JsonGenerator json;
  private final SourceRoots sourceRoots;
  private final Map<String, RuleInfo> rules = new LinkedHashMap<>();
  /** Rules findings named that the registry does not describe, in the order seen. */
  private final List<String> undescribed = new ArrayList<>();

  /**
   * Starts the log on {@code out}, which {@link #close()} leaves open.
   *
   * @param rules the rules that ran, described in the log's rule metadata
   */
  public SarifWriter(Writer out, List<RuleInfo> rules, SourceRoots sourceRoots) throws IOException {
    this.sourceRoots = sourceRoots;
    for (RuleInfo rule : rules) {
      this.rules.put(rule.name(), rule);
    }
    json = FACTORY.createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.useDefaultPrettyPrinter();
    json.writeStartObject();
    json.writeStringField("$schema", SCHEMA);
    json.writeStringField("version", "2.1.0");
    json.writeArrayFieldStart("runs");
    json.writeStartObject();
    // JSON objects are unordered: the results come first so that they stream, the rules they named last
    json.writeArrayFieldStart("results");
  }

  /**
   * Adds one result.
   *
   * @param artifact the file the finding came from (test class source, trace file), used as its
   *     location when the span's start site is unknown
   */
  public void add(FindingRecord finding, String artifact) throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", finding.rule());
    json.writeNumberField("ruleIndex", ruleIndex(finding.rule()));
    json.writeStringField("level", finding.level().equals("none") ? "note" : finding.level());
    json.writeObjectFieldStart("message");
    json.writeStringField("text", finding.message() + "\nLikely cause: " + finding.likelyCause());
    json.writeEndObject();
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    SourceSite source = finding.source();
    json.writeStringField("uri", source != null ? sourceRoots.uri(source.path()) : artifact);
    json.writeEndObject();
    if (source != null && source.line() > 0) {
      json.writeObjectFieldStart("region");
      json.writeNumberField("startLine", source.line());
      json.writeEndObject();
    }
    json.writeEndObject();
    if (!finding.traceId().isEmpty()) {
      json.writeArrayFieldStart("logicalLocations");
      logicalLocation(finding.spanName().isEmpty() ? finding.spanId() : finding.spanName(),
          "trace/" + finding.traceId() + "/span/" + finding.spanId(), "span");
      logicalLocation(finding.traceId(), "trace/" + finding.traceId(), "trace");
      json.writeEndArray();
    }
    json.writeEndObject();
    json.writeEndArray();
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField("tracecheck/v1", fingerprint(finding));
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeStringField("traceId", finding.traceId());
    json.writeStringField("spanId", finding.spanId());
    json.writeStringField("service", finding.service());
    if (finding.test() != null) {
      json.writeStringField("test", finding.test());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private void logicalLocation(String name, String fullyQualifiedName, String kind) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", name);
    json.writeStringField("fullyQualifiedName", fullyQualifiedName);
    json.writeStringField("kind", kind);
    json.writeEndObject();
  }

  private int ruleIndex(String rule) {
    int known = new ArrayList<>(rules.keySet()).indexOf(rule);
    if (known >= 0) {
      return known;
    }
    if (!undescribed.contains(rule)) {
      undescribed.add(rule);
    }
    return rules.size() + undescribed.indexOf(rule);
  }

  /** Ends the log with the tool and its rules. */
  @Override
  public void close() throws IOException {
    json.writeEndArray();
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", "tracecheck");
    json.writeStringField("informationUri", "https://github.com/tracecheck/tracecheck");
    json.writeArrayFieldStart("rules");
    for (RuleInfo rule : rules.values()) {
      describe(rule.name(), rule.summary(), String.join("; ", rule.conventions()), FindingRecord.level(rule.defaultMode()));
    }
    for (String rule : undescribed) {
      describe(rule, rule, "", "error");
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.close();
  }

  private void describe(String name, String summary, String conventions, String level) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", name);
    json.writeStringField("name", name);
    json.writeObjectFieldStart("shortDescription");
    json.writeStringField("text", summary);
    json.writeEndObject();
    json.writeObjectFieldStart("fullDescription");
    json.writeStringField("text", conventions.isEmpty() ? summary : summary + ". Conventions read: " + conventions);
    json.writeEndObject();
    json.writeStringField("helpUri", HELP);
    json.writeObjectFieldStart("defaultConfiguration");
    json.writeStringField("level", level.equals("none") ? "note" : level);
    if (level.equals("none")) {
      json.writeBooleanField("enabled", false);
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  /** The same problem in the next run has new ids and times: they are left out. */
  private static String fingerprint(FindingRecord finding) {
    String stable = String.join("\n", finding.rule(), finding.service(), finding.spanName(),
        finding.message().replaceAll("\\b[0-9a-f]{16,32}\\b", "").replaceAll("\\d+(\\.\\d+)?", "#"));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(stable.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
