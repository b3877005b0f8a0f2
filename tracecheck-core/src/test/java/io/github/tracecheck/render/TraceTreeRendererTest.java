package io.github.tracecheck.render;

import static io.github.tracecheck.testing.TestSpans.OTHER_TRACE_ID;
import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.testing.SampleTraces;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraceTreeRendererTest {

  @Test
  void drawsTheTreeWithHopAttributesStatusAndDuration() {
    Trace trace = SampleTraces.checkout().traces().get(0);

    assertThat(TraceTreeRenderer.create().render(trace))
        .isEqualTo(
            "trace 0af7651916cd43dd8448eb211c80319c (5 spans)\n"
                + "   POST /checkout [SERVER] api-gateway {http.request.method=POST, http.route=/checkout,"
                + " http.response.status_code=202} 40.0 ms\n"
                + "   |-- auth.Auth/Validate [CLIENT] api-gateway {rpc.system=grpc, rpc.service=auth.Auth,"
                + " rpc.method=Validate} 8.0 ms\n"
                + "   |   `-- auth.Auth/Validate [SERVER] auth-service {rpc.system=grpc,"
                + " rpc.grpc.status_code=0} (remote parent) 6.0 ms\n"
                + "   `-- orders publish [PRODUCER] api-gateway {messaging.system=kafka,"
                + " messaging.destination.name=orders, messaging.operation.type=send} 2.0 ms\n"
                + "       `-- orders process [CONSUMER] order-worker {messaging.system=kafka}"
                + " status=ERROR(\"boom\") (remote parent) 15.0 ms");
  }

  @Test
  void marksTheGivenSpans() {
    Trace trace = SampleTraces.checkout().traces().get(0);
    SpanNode consumer = trace.span(id(5)).orElseThrow();

    String drawn = TraceTreeRenderer.create().render(trace, Set.of(consumer));

    assertThat(drawn.lines().filter(l -> l.startsWith(">> "))).containsExactly(
        ">>     `-- orders process [CONSUMER] order-worker {messaging.system=kafka}"
            + " status=ERROR(\"boom\") (remote parent) 15.0 ms");
  }

  @Test
  void drawsEveryTraceOfAForestAndMissingParents() {
    TraceForest forest =
        TraceForest.of(
            List.of(
                span("a", id(1)).time(0, 1).build(),
                span("orphan", id(2)).trace(OTHER_TRACE_ID).parent(id(9)).link(OTHER_TRACE_ID, id(1)).time(5, 6)
                    .build()));

    assertThat(TraceTreeRenderer.create().render(forest))
        .isEqualTo(
            "trace 0af7651916cd43dd8448eb211c80319c (1 span)\n"
                + "   a [INTERNAL] svc 1.0 ms\n"
                + "trace 4bf92f3577b34da6a3ce929d0e0e4736 (1 span)\n"
                + "   orphan [INTERNAL] svc (parent 0000000000000009 not captured) links=1 1.0 ms");
    assertThat(TraceTreeRenderer.create().render(TraceForest.empty())).isEqualTo("(no spans captured)");
  }

  @Test
  void limitsTheLinesButAlwaysDrawsMarkedSpansAndTheirAncestors() {
    List<SpanData> spans = new ArrayList<>();
    spans.add(span("root", id(1)).time(0, 100).build());
    for (int i = 2; i <= 50; i++) {
      spans.add(span("child " + i, id(i)).parent(id(1)).time(i, i + 1).build());
    }
    Trace trace = TraceForest.of(spans).traces().get(0);
    SpanNode last = trace.span(id(50)).orElseThrow();

    String drawn = TraceTreeRenderer.withMaxLines(3).render(trace, Set.of(last));

    assertThat(drawn)
        .isEqualTo(
            "trace 0af7651916cd43dd8448eb211c80319c (50 spans)\n"
                + "   root [INTERNAL] svc 100.0 ms\n"
                + "   |-- child 2 [INTERNAL] svc 1.0 ms\n"
                + "   |-- child 3 [INTERNAL] svc 1.0 ms\n"
                + "   ... 46 spans not shown\n"
                + ">> `-- child 50 [INTERNAL] svc 1.0 ms");
  }

  @Test
  void stopsIndentingDeepChainsAndStaysSmall() {
    int size = 100_000;
    List<SpanData> chain = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      chain.add(span("s" + i, id(i)).parent(i == 1 ? null : id(i - 1)).time(0, 1).build());
    }
    Trace trace = TraceForest.of(chain).traces().get(0);
    SpanNode deepest = trace.span(id(size)).orElseThrow();

    String drawn = TraceTreeRenderer.create().render(trace, Set.of(deepest));

    List<String> lines = drawn.lines().toList();
    // header, the line budget, one "not shown" line, and the marked span with its nearest ancestors
    assertThat(lines)
        .hasSize(1 + TraceTreeRenderer.DEFAULT_MAX_LINES + 1 + TraceTreeRenderer.ANCESTORS_OF_MARKED + 1);
    assertThat(lines.get(TraceTreeRenderer.DEFAULT_MAX_LINES + 1)).isEqualTo("   ... 99779 spans not shown");
    assertThat(lines.get(lines.size() - 1))
        .startsWith(">> ")
        .endsWith("`-- [depth 99999] s100000 [INTERNAL] svc 1.0 ms");
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThan(250));
  }

  @Test
  void abbreviatesHugeValues() {
    String huge = "x".repeat(10_000);
    Trace trace = TraceForest.of(List.of(span(huge, id(1)).attr("http.route", huge).build())).traces().get(0);

    assertThat(TraceTreeRenderer.create().render(trace)).hasSizeLessThan(400).contains("...(10000 chars)");
  }

  @Test
  void rejectsANonPositiveLineLimit() {
    assertThatThrownBy(() -> TraceTreeRenderer.withMaxLines(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLines must be at least 1, was 0");
  }
}
