package io.github.tracecheck.benchmarks;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Spans of realistic shape for benchmarks: traces of 20 to 200 spans, depth 2 to 20, 3 to 12
 * attributes in the semantic conventions' vocabulary, some exception events, some links, several
 * services. Deterministic for a given seed.
 */
final class SyntheticSpans {

  private static final String[] SERVICES = {"api-gateway", "auth-service", "order-worker", "inventory", "billing"};
  private static final Resource[] RESOURCES = new Resource[SERVICES.length];

  static {
    for (int i = 0; i < SERVICES.length; i++) {
      RESOURCES[i] = Resource.create(Attributes.builder().put("service.name", SERVICES[i])
          .put("service.version", "1.4." + i).put("host.name", SERVICES[i] + "-7d9f8c6b5-x2k4p").build());
    }
  }

  private SyntheticSpans() {}

  static List<SpanData> generate(int count, long seed) {
    Random random = new Random(seed);
    List<SpanData> spans = new ArrayList<>(count);
    while (spans.size() < count) {
      int traceSize = Math.min(count - spans.size(), 20 + random.nextInt(181));
      addTrace(spans, traceSize, random);
    }
    return spans;
  }

  private static void addTrace(List<SpanData> out, int size, Random random) {
    String traceId = String.format("%016x%016x", random.nextLong() | 1, random.nextLong());
    int maxDepth = 2 + random.nextInt(19);
    String[] ids = new String[size];
    int[] depth = new int[size];
    long start = 1_700_000_000_000_000_000L + random.nextInt(1_000_000_000);
    for (int i = 0; i < size; i++) {
      ids[i] = String.format("%016x", random.nextLong() | 1);
      int parent = i == 0 ? -1 : random.nextInt(i);
      while (parent >= 0 && depth[parent] + 1 > maxDepth) {
        parent = parent == 0 ? -1 : random.nextInt(parent);
      }
      if (i > 0 && parent < 0) {
        parent = 0;
      }
      depth[i] = parent < 0 ? 0 : depth[parent] + 1;
      SpanKind kind = SpanKind.values()[random.nextInt(SpanKind.values().length)];
      AttributesBuilder attributes = Attributes.builder();
      int attributeCount = 3 + random.nextInt(10);
      for (int a = 0; a < attributeCount; a++) {
        putAttribute(attributes, a, random);
      }
      List<EventData> events = new ArrayList<>();
      if (random.nextInt(10) == 0) {
        events.add(EventData.create(start + i, "exception", Attributes.builder()
            .put("exception.type", "java.lang.IllegalStateException")
            .put("exception.message", "order " + random.nextInt(100_000) + " not found")
            .put("exception.stacktrace", "java.lang.IllegalStateException: order not found\n\tat com.example.OrderService.load(OrderService.java:42)")
            .build()));
      }
      List<LinkData> links = new ArrayList<>();
      if (random.nextInt(20) == 0 && !out.isEmpty()) {
        SpanData linked = out.get(random.nextInt(out.size()));
        links.add(LinkData.create(linked.getSpanContext()));
      }
      long spanStart = start + i * 1000L;
      out.add(TestSpanData.builder()
          .setName(name(kind, random))
          .setKind(kind)
          .setSpanContext(SpanContext.create(traceId, ids[i], TraceFlags.getSampled(), TraceState.getDefault()))
          .setParentSpanContext(parent < 0 ? SpanContext.getInvalid()
              : SpanContext.create(traceId, ids[parent], TraceFlags.getSampled(), TraceState.getDefault()))
          .setResource(RESOURCES[random.nextInt(RESOURCES.length)])
          .setAttributes(attributes.build())
          .setStartEpochNanos(spanStart)
          .setEndEpochNanos(spanStart + 500 + random.nextInt(100_000))
          .setHasEnded(true)
          .setStatus(random.nextInt(15) == 0 ? StatusData.error() : StatusData.unset())
          .setEvents(events)
          .setTotalRecordedEvents(events.size())
          .setLinks(links)
          .setTotalRecordedLinks(links.size())
          .build());
    }
  }

  private static String name(SpanKind kind, Random random) {
    switch (kind) {
      case SERVER: return random.nextBoolean() ? "POST /checkout" : "GET /orders/{id}";
      case CLIENT: return random.nextBoolean() ? "GET" : "SELECT orders";
      case PRODUCER: return "orders publish";
      case CONSUMER: return "orders process";
      default: return "process order";
    }
  }

  private static void putAttribute(AttributesBuilder attributes, int index, Random random) {
    switch (index) {
      case 0: attributes.put("http.request.method", random.nextBoolean() ? "GET" : "POST"); break;
      case 1: attributes.put("url.full", "https://shop.example.com/api/v1/orders/" + random.nextInt(1_000_000) + "?page=" + random.nextInt(20)); break;
      case 2: attributes.put("http.response.status_code", 200L + random.nextInt(4) * 100); break;
      case 3: attributes.put("http.route", "/api/v1/orders/{id}"); break;
      case 4: attributes.put("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0.0.0 Safari/537.36"); break;
      case 5: attributes.put("db.query.text", "SELECT id, status FROM orders WHERE customer_id = ? AND created_at > ?"); break;
      case 6: attributes.put("messaging.destination.name", "orders"); break;
      case 7: attributes.put("server.address", "inventory.prod.svc.cluster.local"); break;
      case 8: attributes.put("server.port", 8080L); break;
      case 9: attributes.put("thread.name", "pool-" + random.nextInt(4) + "-thread-" + random.nextInt(16)); break;
      case 10: attributes.put("order.id", java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) random.nextInt()}).toString()); break;
      default: attributes.put("messaging.system", "kafka");
    }
  }
}
