package io.github.tracecheck.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a large OTLP JSON lines file, as the Collector's file exporter does, for the command line's
 * throughput and memory figures (never committed: generate it in /tmp).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.tracecheck.benchmarks.OtlpFileGenerator 1000000 /tmp/spans-1m.jsonl
 * </pre>
 *
 * <p>Checkouts of 10 spans in two services (a server, three client calls, a producer, the consumer
 * and its work), one line per checkout; one starts every millisecond of span time and lasts 30 ms,
 * so about 30 are in flight at once. Every 997th consumer lost the context (an orphan) and every
 * 501st client call recorded an exception without an ERROR status, so the file has findings.
 */
public final class OtlpFileGenerator {

  private static final long EPOCH = 1_767_225_600_000_000_000L; // 2026-01-01
  private static final long MS = 1_000_000L;

  private OtlpFileGenerator() {}

  public static void main(String[] args) throws IOException {
    long spans = Long.parseLong(args[0].replace("_", ""));
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])), 1 << 20)) {
      write(spans, out);
    }
  }

  static void write(long spans, OutputStream out) throws IOException {
    JsonFactory factory = new JsonFactory();
    for (long trace = 0; trace * 10 < spans; trace++) {
      try (JsonGenerator json = factory.createGenerator(out)) {
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        checkout(json, trace);
      }
      out.write('\n');
    }
  }

  private static void checkout(JsonGenerator json, long n) throws IOException {
    String trace = String.format("%032x", 0x5eed0000L + n);
    String orphanTrace = String.format("%032x", 0x0dd00000000L + n);
    long t = EPOCH + n * MS;
    boolean lost = n % 997 == 5;
    json.writeStartObject();
    json.writeArrayFieldStart("resourceSpans");
    resource(json, "api-gateway");
    span(json, trace, id(n, 1), null, "POST /checkout", 2, t, t + 30 * MS, "http.request.method", "POST", "http.route", "/checkout");
    for (int call = 0; call < 3; call++) {
      String name = call == 0 ? "GET /prices" : call == 1 ? "GET /stock" : "POST /payments";
      boolean swallowed = call == 2 && n % 501 == 7;
      spanStart(json, trace, id(n, 2 + call), id(n, 1), name, 3, t + (1 + call * 3) * MS, t + (3 + call * 3) * MS);
      attributes(json, "http.request.method", name.substring(0, name.indexOf(' ')), "url.full",
          "http://backend:8080" + name.substring(name.indexOf(' ') + 1) + "?order=" + n, "server.address", "backend");
      if (swallowed) {
        json.writeArrayFieldStart("events");
        json.writeStartObject();
        json.writeStringField("timeUnixNano", Long.toString(t + 9 * MS));
        json.writeStringField("name", "exception");
        attributes(json, "exception.type", "java.net.SocketTimeoutException", "exception.message", "Read timed out");
        json.writeEndObject();
        json.writeEndArray();
      }
      json.writeEndObject();
    }
    span(json, trace, id(n, 5), id(n, 1), "orders publish", 4, t + 12 * MS, t + 13 * MS,
        "messaging.system", "kafka", "messaging.destination.name", "orders");
    endResource(json);
    resource(json, "order-worker");
    String consumerTrace = lost ? orphanTrace : trace;
    span(json, consumerTrace, id(n, 6), lost ? null : id(n, 5), "orders process", 5, t + 15 * MS, t + 28 * MS,
        "messaging.system", "kafka", "messaging.destination.name", "orders");
    span(json, consumerTrace, id(n, 7), id(n, 6), "process order", 1, t + 16 * MS, t + 27 * MS, "order.items", "3", "thread.name", "order-pool-1");
    span(json, consumerTrace, id(n, 8), id(n, 7), "price order", 1, t + 17 * MS, t + 18 * MS, "pricing.rule", "standard");
    span(json, consumerTrace, id(n, 9), id(n, 7), "reserve stock", 1, t + 19 * MS, t + 21 * MS, "stock.warehouse", "eu-1");
    span(json, consumerTrace, id(n, 10), id(n, 7), "INSERT orders.orders", 3, t + 22 * MS, t + 26 * MS,
        "db.system", "postgresql", "db.query.text", "INSERT INTO orders (id, customer, total) VALUES (?, ?, ?)");
    endResource(json);
    json.writeEndArray();
    json.writeEndObject();
  }

  private static String id(long n, int i) {
    return String.format("%016x", (n << 4) + i);
  }

  private static void resource(JsonGenerator json, String service) throws IOException {
    json.writeStartObject();
    json.writeObjectFieldStart("resource");
    attributes(json, "service.name", service, "telemetry.sdk.language", "java", "host.name", "pod-" + service + "-7d9f");
    json.writeEndObject();
    json.writeArrayFieldStart("scopeSpans");
    json.writeStartObject();
    json.writeObjectFieldStart("scope");
    json.writeStringField("name", "io.opentelemetry.example");
    json.writeEndObject();
    json.writeArrayFieldStart("spans");
  }

  private static void endResource(JsonGenerator json) throws IOException {
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void span(JsonGenerator json, String trace, String id, String parent, String name, int kind, long start,
      long end, String... keyValues) throws IOException {
    spanStart(json, trace, id, parent, name, kind, start, end);
    attributes(json, keyValues);
    json.writeEndObject();
  }

  private static void spanStart(JsonGenerator json, String trace, String id, String parent, String name, int kind,
      long start, long end) throws IOException {
    json.writeStartObject();
    json.writeStringField("traceId", trace);
    json.writeStringField("spanId", id);
    if (parent != null) {
      json.writeStringField("parentSpanId", parent);
    }
    json.writeStringField("name", name);
    json.writeNumberField("kind", kind);
    json.writeStringField("startTimeUnixNano", Long.toString(start));
    json.writeStringField("endTimeUnixNano", Long.toString(end));
    json.writeNumberField("flags", 0x101);
    json.writeObjectFieldStart("status");
    json.writeEndObject();
  }

  private static void attributes(JsonGenerator json, String... keyValues) throws IOException {
    json.writeArrayFieldStart("attributes");
    for (int i = 0; i < keyValues.length; i += 2) {
      json.writeStartObject();
      json.writeStringField("key", keyValues[i]);
      json.writeObjectFieldStart("value");
      json.writeStringField("stringValue", keyValues[i + 1]);
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
