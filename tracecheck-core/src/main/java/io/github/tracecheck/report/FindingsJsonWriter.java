package io.github.tracecheck.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes findings as one JSON document for scripts and CI, streamed as they are found:
 *
 * <pre>
 * {"tool": "tracecheck",
 *  "findings": [{"rule", "level", "message", "likelyCause", "traceId", "spanId", "span", "service",
 *                "source": {"path", "line"}, "test"}, ...],
 *  "summary": {"spans": 3, "traces": 2, "findings": 2, ...}}
 * </pre>
 *
 * {@code source} and {@code test} are left out when unknown. {@link FindingsJsonReader} reads it back.
 */
public final class FindingsJsonWriter implements Closeable {

  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonGenerator json;
  private Map<String, Long> summary = Map.of();

  /** Starts the document on {@code out}, which {@link #close()} leaves open. */
  public FindingsJsonWriter(Writer out) throws IOException {
    json = FACTORY.createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.writeStartObject();
    json.writeStringField("tool", "tracecheck");
    json.writeArrayFieldStart("findings");
  }

  public void add(FindingRecord finding) throws IOException {
    json.writeStartObject();
    json.writeStringField("rule", finding.rule());
    json.writeStringField("level", finding.level());
    json.writeStringField("message", finding.message());
    json.writeStringField("likelyCause", finding.likelyCause());
    json.writeStringField("traceId", finding.traceId());
    json.writeStringField("spanId", finding.spanId());
    json.writeStringField("span", finding.spanName());
    json.writeStringField("service", finding.service());
    if (finding.source() != null) {
      json.writeObjectFieldStart("source");
      json.writeStringField("path", finding.source().path());
      json.writeNumberField("line", finding.source().line());
      json.writeEndObject();
    }
    if (finding.test() != null) {
      json.writeStringField("test", finding.test());
    }
    json.writeEndObject();
  }

  /** The counts written after the findings, e.g. spans and traces read; in their iteration order. */
  public void summary(Map<String, Long> counts) {
    this.summary = counts;
  }

  /** Ends the document. */
  @Override
  public void close() throws IOException {
    json.writeEndArray();
    json.writeObjectFieldStart("summary");
    for (Map.Entry<String, Long> count : summary.entrySet()) {
      json.writeNumberField(count.getKey(), count.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
    json.close();
  }
}
