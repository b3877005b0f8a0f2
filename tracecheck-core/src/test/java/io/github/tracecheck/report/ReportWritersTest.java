package io.github.tracecheck.report;

import static io.github.tracecheck.testing.TestSpans.OTHER_TRACE_ID;
import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Rules;
import io.github.tracecheck.testing.SampleTraces;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportWritersTest {

  @Test
  void mermaidDrawsServiceHopsWithStatusAndOrphans() {
    List<SpanData> spans = new ArrayList<>();
    SampleTraces.checkout().spans().forEach(n -> spans.add(n.data()));
    spans.add(span("orders process", id(9)).trace(OTHER_TRACE_ID).kind(SpanKind.CONSUMER).service("order-worker").time(50, 60).build());

    String diagram = MermaidDiagram.of(TraceForest.of(spans));

    assertThat(diagram).isEqualTo(
        "sequenceDiagram\n"
            + "    participant api_gateway as api-gateway\n"
            + "    participant auth_service as auth-service\n"
            + "    participant order_worker as order-worker\n"
            + "    api_gateway->>auth_service: auth.Auth/Validate\n"
            + "    api_gateway-)order_worker: orders process [ERROR]\n"
            + "    Note over order_worker: new trace at orders process\n");
  }

  @Test
  void mermaidShowsPoolHopsFromTheCapturedThreads() {
    SpanData submit = span("POST /checkout", id(1)).service("gw").time(0, 10).build();
    SpanData task = span("process order", id(2)).parent(id(1)).service("gw").time(1, 2).build();
    List<SpanStart> starts = List.of(start(submit, "main"), start(task, "pool-1"));

    assertThat(MermaidDiagram.of(TraceForest.of(List.of(submit, task), starts)))
        .endsWith("    gw->>gw: pool: process order\n");
  }

  private static SpanStart start(SpanData span, String thread) {
    return new SpanStart(span.getName(), span.getKind(), span.getSpanContext(),
        span.getParentSpanContext().isValid()
            ? SpanContext.create(span.getTraceId(), span.getParentSpanId(), TraceFlags.getSampled(), TraceState.getDefault())
            : SpanContext.getInvalid(),
        thread, span.getStartEpochNanos(), List.of());
  }

  @Test
  void htmlEscapesSpanDataThatLooksLikeMarkup() {
    TraceForest forest = TraceForest.of(List.of(
        span("</script><img src=x onerror=alert(1)>", id(1)).attr("note", "<b>bold</b> & \"quoted\"").build()));

    String html = HtmlReport.of("Test <with> markup", forest, Rules.check(forest));

    assertThat(html).doesNotContain("</script><img").doesNotContain("<b>bold</b>")
        .contains("\\u003c/script>\\u003cimg src=x onerror=alert(1)>")
        .contains("<title>tracecheck: Test &lt;with&gt; markup</title>");
    // exactly the two script elements the page has
    assertThat(html.split("</script>", -1)).hasSize(3);
  }
}
