package io.github.tracecheck.model.internal;

import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanDataPrefetchTest {

  /** A span breaking the contract of {@code SpanData}: null where it promises a value. */
  private static SpanData withNulls(SpanData span, boolean nullContexts) {
    return new DelegatingSpanData(span) {
      @Override
      public String getName() {
        return null;
      }

      @Override
      public List<EventData> getEvents() {
        return null;
      }

      @Override
      public Attributes getAttributes() {
        return null;
      }

      @Override
      public List<LinkData> getLinks() {
        return null;
      }

      @Override
      public SpanContext getSpanContext() {
        return nullContexts ? null : super.getSpanContext();
      }

      @Override
      public SpanContext getParentSpanContext() {
        return nullContexts ? null : super.getParentSpanContext();
      }
    };
  }

  @Test
  void passesOverNullsInTheSpansReadAheadOfTheForest() {
    List<SpanData> spans = Arrays.asList(span("ok", id(1)).build(), null, withNulls(span("broken", id(2)).build(), true));

    assertThatCode(() -> SpanDataPrefetch.forForest(spans, 0, spans.size())).doesNotThrowAnyException();
  }

  @Test
  void passesOverNullsInTheSpansReadAheadOfTheJudges() {
    TraceForest forest = TraceForest.of(List.of(withNulls(span("broken", id(2)).build(), false)));

    assertThatCode(() -> SpanDataPrefetch.forJudges(forest.spans())).doesNotThrowAnyException();
  }
}
