package io.github.tracecheck.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.render.TraceTreeRenderer;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.Rules;
import io.github.tracecheck.testing.RealSdk;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the writer writes loads back, with the reader the command line uses, into the same trees:
 * one document, and one document per line.
 */
class OtlpRoundTripTest {

  private static final SpanContext PARTNER = SpanContext.createFromRemoteParent(
      "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());

  @Test
  void aRemoteParentStaysRemoteSoItIsNoDanglingParent() throws Exception {
    TraceForest original = capturedFromTheSdk();

    TraceForest loaded = TraceForest.of(OtlpJsonReader.read(new StringReader(OtlpJsonWriter.write(original)), "written"));

    SpanNode callback = loaded.spans().stream().filter(s -> s.name().equals("POST /partner-callback")).findFirst().orElseThrow();
    assertThat(callback.hasRemoteParent()).isTrue();
    assertThat(Rules.check(loaded)).extracting(Finding::rule).doesNotContain("dangling-parent");
    assertThat(loaded.spans()).filteredOn(s -> !s.name().equals("POST /partner-callback"))
        .allSatisfy(s -> assertThat(s.hasRemoteParent()).isFalse());
  }

  @Test
  void spansFromTheSdkLoadBackFromOneDocument() throws Exception {
    TraceForest original = capturedFromTheSdk();

    String written = OtlpJsonWriter.write(original);
    TraceForest loaded = TraceForest.of(OtlpJsonReader.read(new StringReader(written), "written"));

    assertThat(written).doesNotContain("\n");
    assertSameTrees(loaded, original);
    SpanNode consumer = loaded.spans().stream().filter(s -> s.name().equals("orders process")).findFirst().orElseThrow();
    assertThat(loaded.linkedSpans(consumer)).extracting(SpanNode::name).containsExactly("orders publish");
    assertThat(consumer.children()).extracting(SpanNode::name).containsExactly("INSERT orders");
  }

  @Test
  void spansFromTheSdkLoadBackFromJsonLines() throws Exception {
    TraceForest original = capturedFromTheSdk();

    String lines = original.traces().stream()
        .map(trace -> OtlpJsonWriter.write(TraceForest.of(trace.spans().stream().map(SpanNode::data).toList())))
        .collect(Collectors.joining("\n", "", "\n"));
    TraceForest loaded = TraceForest.of(OtlpJsonReader.read(new StringReader(lines), "written"));

    assertThat(lines.lines()).hasSize(original.traces().size()).hasSizeGreaterThan(1);
    // each line was written from the spans alone, without the threads the capture saw them start on
    assertSameTrees(loaded, TraceForest.of(original.spans().stream().map(SpanNode::data).toList()));
  }

  @Test
  void anExportReadFromAFileIsWrittenAgainAsItWasRead() throws Exception {
    TraceForest original = TraceForest.of(OtlpJsonReader.read(Path.of("src/test/resources/broken.jsonl")));

    String written = OtlpJsonWriter.write(original);
    TraceForest loaded = TraceForest.of(OtlpJsonReader.read(new StringReader(written), "written"));

    assertSameTrees(loaded, original);
    assertThat(loaded.spans()).filteredOn(s -> !s.data().getEvents().isEmpty()).singleElement()
        .satisfies(s -> assertThat(s.data().getEvents().get(0).getName()).isEqualTo("exception"));
  }

  /**
   * Two services, a scope with a version, attributes of every type on the resource, spans, events
   * and links, every status, and a consumer in a trace of its own that links to its producer.
   */
  private static TraceForest capturedFromTheSdk() {
    try (RealSdk sdk = new RealSdk()) {
      Tracer gateway = sdk.tracer(
          Resource.create(Attributes.builder()
              .put("service.name", "api-gateway")
              .put("service.instance.count", 3L)
              .put("deployment.canary", true)
              .put("host.load", 0.75)
              .put(AttributeKey.stringArrayKey("host.tags"), List.of("eu", "blue"))
              .build()),
          "checkout",
          "1.4.2");
      Tracer worker = sdk.tracer("order-worker");

      Span server = gateway.spanBuilder("POST /checkout").setSpanKind(SpanKind.SERVER)
          .setAttribute("http.request.method", "POST")
          .setAttribute("http.response.status_code", 202L)
          .setAttribute("retried", false)
          .setAttribute("ratio", 0.5)
          .setAttribute("not.a.number", Double.NaN)
          .setAttribute(AttributeKey.stringArrayKey("tags"), List.of("a", "b \"quoted\"\n"))
          .setAttribute(AttributeKey.booleanArrayKey("flags"), List.of(true, false))
          .setAttribute(AttributeKey.longArrayKey("sizes"), List.of(1L, -2L, Long.MAX_VALUE))
          .setAttribute(AttributeKey.doubleArrayKey("weights"), List.of(0.25, Double.POSITIVE_INFINITY))
          .setAttribute(AttributeKey.stringArrayKey("none"), List.of())
          .startSpan();
      Span producer;
      try (Scope scope = server.makeCurrent()) {
        server.addEvent("cart loaded", Attributes.of(AttributeKey.longKey("items"), 2L));
        Span client = gateway.spanBuilder("GET /prices").setSpanKind(SpanKind.CLIENT).startSpan();
        client.setStatus(StatusCode.ERROR, "prices timed out");
        client.recordException(new IllegalStateException("timeout"));
        client.end();
        producer = gateway.spanBuilder("orders publish").setSpanKind(SpanKind.PRODUCER)
            .setAttribute("messaging.destination.name", "orders").startSpan();
        producer.end();
      }
      server.setStatus(StatusCode.OK);
      server.end();

      Span consumer = worker.spanBuilder("orders process").setSpanKind(SpanKind.CONSUMER)
          .setParent(Context.root())
          .addLink(producer.getSpanContext(), Attributes.of(AttributeKey.stringKey("messaging.operation"), "receive"))
          .startSpan();
      worker.spanBuilder("INSERT orders").setSpanKind(SpanKind.INTERNAL)
          .setParent(Context.root().with(consumer)).startSpan().end();
      consumer.end();

      // a partner's request: the parent came in a traceparent header, so it is remote and not captured
      gateway.spanBuilder("POST /partner-callback").setSpanKind(SpanKind.SERVER)
          .setParent(Context.root().with(Span.wrap(PARTNER)))
          .startSpan().end();
      return sdk.snapshot();
    }
  }

  private static void assertSameTrees(TraceForest loaded, TraceForest original) {
    assertThat(TraceTreeRenderer.create().render(loaded)).isEqualTo(TraceTreeRenderer.create().render(original));
    assertThat(loaded.traces()).extracting(Trace::traceId)
        .containsExactlyElementsOf(original.traces().stream().map(Trace::traceId).toList());
    assertThat(loaded.spans().stream().map(span -> view(loaded, span)).toList())
        .containsExactlyElementsOf(original.spans().stream().map(span -> view(original, span)).toList());
  }

  /** Everything of a span that an OTLP file carries and tracecheck reads. */
  private record SpanView(
      String traceId,
      String spanId,
      String parentSpanId,
      boolean parentRemote,
      String thread,
      long threadId,
      String name,
      SpanKind kind,
      long start,
      long end,
      StatusCode status,
      String statusMessage,
      Map<AttributeKey<?>, Object> attributes,
      List<List<Object>> events,
      List<List<Object>> links,
      Map<AttributeKey<?>, Object> resource,
      String scopeName,
      String scopeVersion) {}

  /** The thread is the one the capture saw, or the {@code thread.name} and {@code thread.id} attributes a file carries. */
  private static SpanView view(TraceForest forest, SpanNode node) {
    SpanData span = node.data();
    AttributeKey<String> threadName = AttributeKey.stringKey("thread.name");
    AttributeKey<Long> threadId = AttributeKey.longKey("thread.id");
    return new SpanView(
        span.getTraceId(),
        span.getSpanId(),
        span.getParentSpanContext().isValid() ? span.getParentSpanId() : null,
        span.getParentSpanContext().isRemote(),
        forest.startOf(node).map(SpanStart::threadName).orElse(span.getAttributes().get(threadName)),
        forest.startOf(node).map(SpanStart::threadId)
            .orElse(span.getAttributes().get(threadId) == null ? SpanStart.UNKNOWN_THREAD_ID : span.getAttributes().get(threadId)),
        span.getName(),
        span.getKind(),
        span.getStartEpochNanos(),
        span.getEndEpochNanos(),
        span.getStatus().getStatusCode(),
        span.getStatus().getDescription(),
        span.getAttributes().toBuilder().remove(threadName).remove(threadId).build().asMap(),
        span.getEvents().stream()
            .map(e -> List.<Object>of(e.getName(), e.getEpochNanos(), e.getAttributes().asMap()))
            .toList(),
        span.getLinks().stream()
            .map(l -> List.<Object>of(l.getSpanContext().getTraceId(), l.getSpanContext().getSpanId(),
                l.getSpanContext().isRemote(), l.getAttributes().asMap()))
            .toList(),
        span.getResource().getAttributes().asMap(),
        span.getInstrumentationScopeInfo().getName(),
        span.getInstrumentationScopeInfo().getVersion());
  }
}
