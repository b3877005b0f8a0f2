package io.github.tracecheck.model.internal;

import io.github.tracecheck.model.SpanNode;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;

/**
 * Brings span data into the processor's cache before a loop that works on it reads it. A span's
 * data is spread over objects of its own (the span, its contexts and ids, its name, its lists of
 * events and links, its attributes), away from the next span's. A loop that does much work per span
 * reads them one after another, and each read waits for memory on its own; a plain loop that only
 * reads them, span after span, lets the processor fetch many at the same time, and the working loop
 * then finds them in cache. On 100,000 spans the forest takes a fifth less time, and the whole gate
 * an eighth less (the README's gate figures).
 *
 * <p>Each method reads only what its loop reads first: reading more (the values of the attributes)
 * costs more than it saves. Nulls, from a {@code SpanData} breaking its contract, are passed over:
 * the loop that works on the span says what is wrong, not this.
 */
public final class SpanDataPrefetch {

  /** Written only for a sum no span data adds up to: see {@link #keep}. */
  @SuppressWarnings("unused")
  private static long kept;

  private SpanDataPrefetch() {}

  /** What the per-span rules read first of each span: its name, its events and its attributes. */
  public static void forJudges(List<SpanNode> spans) {
    long sum = 0;
    for (int i = 0; i < spans.size(); i++) {
      SpanData data = spans.get(i).data();
      String name = data.getName();
      List<EventData> events = data.getEvents();
      Attributes attributes = data.getAttributes();
      sum += (name == null ? 0 : name.length()) + (events == null ? 0 : events.size())
          + (attributes == null ? 0 : attributes.size());
    }
    keep(sum);
  }

  /**
   * What building the forest reads of the spans from {@code from} up to {@code to} (excluded): their
   * span ids, their parents' and their links.
   */
  public static void forForest(List<? extends SpanData> spans, int from, int to) {
    long sum = 0;
    for (int i = from; i < to; i++) {
      SpanData span = spans.get(i);
      if (span == null) {
        continue;
      }
      sum += idLength(span.getSpanContext()) + idLength(span.getParentSpanContext());
      List<LinkData> links = span.getLinks();
      sum += links == null ? 0 : links.size();
    }
    keep(sum);
  }

  /**
   * Uses the sum, so that the compiler does not drop the reads as unused, without writing it: a
   * field written by every thread that checks spans would bounce between their cores.
   */
  private static void keep(long sum) {
    if (sum == Long.MIN_VALUE) {
      kept = sum;
    }
  }

  private static int idLength(SpanContext context) {
    String id = context == null ? null : context.getSpanId();
    return id == null ? 0 : id.length();
  }
}
