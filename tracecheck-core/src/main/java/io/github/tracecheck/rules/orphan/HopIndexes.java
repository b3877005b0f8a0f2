package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.LinkData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The indexes the hops search, built from one pass over the spans in the forest's order (the order
 * they sit in memory) and then laid out in start order from what that pass kept: every span's
 * times, service, call key and whether it is a producer nobody continued are read from the span
 * once, not once per hop, and not in start order, which jumps from trace to trace.
 */
final class HopIndexes {

  /** Every span, by start. */
  final SpansByStart allSpans;
  /** CLIENT spans by call key ({@link CallHop#callKey}), by start. */
  final Map<CallHop.CallKey, SpansByStart> clientsByCall;
  /** Spans by service name, by start. */
  final Map<String, SpansByStart> byService;
  /** PRODUCER spans that no consumer continued, by start. */
  final List<SpanNode> unconsumed;

  HopIndexes(List<SpanNode> spans, boolean linksConnect) {
    int count = spans.size();
    CallHop.CallKey[] callKeyOf = new CallHop.CallKey[count];
    String[] serviceOf = new String[count];
    boolean[] waiting = new boolean[count];
    int waitingCount = 0;
    List<SpanNode> linking = new ArrayList<>();
    Map<String, CallHop.CallKey> httpCallKeys = new HashMap<>();
    for (int i = 0; i < count; i++) {
      SpanNode span = spans.get(i);
      if (linksConnect && span.hasLinks()) {
        linking.add(span);
      }
      serviceOf[i] = span.serviceName();
      SpanKind kind = span.kind();
      if (kind == SpanKind.CLIENT) {
        callKeyOf[i] = CallHop.callKey(span, httpCallKeys);
      } else if (kind == SpanKind.PRODUCER && !MessagingHop.continued(span)) {
        waiting[i] = true;
        waitingCount++;
      }
    }
    if (linksConnect && waitingCount > 0) {
      markLinkedAsContinued(spans, linking, waiting, waitingCount);
    }
    this.allSpans = new SpansByStart(spans);
    CallHop.CallKey[] callKeys = new CallHop.CallKey[count];
    String[] services = new String[count];
    List<SpanNode> producers = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      int i = allSpans.givenIndex(p);
      callKeys[p] = callKeyOf[i];
      services[p] = serviceOf[i];
      if (waiting[i]) {
        producers.add(allSpans.at(p));
      }
    }
    this.clientsByCall = allSpans.groupedBy(callKeys);
    this.byService = allSpans.groupedBy(services);
    this.unconsumed = producers;
  }

  /**
   * Clears {@code waiting} for the producers one of the {@code linking} spans links to (a consumer
   * that continued the message by a link). The links are few: they are put in a map by span id, and
   * each waiting producer is looked up in it, so nothing is made per producer.
   */
  private static void markLinkedAsContinued(
      List<SpanNode> spans, List<SpanNode> linking, boolean[] waiting, int waitingCount) {
    // Span ids are unique within a trace only: links to spans of other traces may share one.
    Map<String, List<String>> linkedTraceIdsBySpanId = new HashMap<>();
    for (SpanNode span : linking) {
      for (LinkData link : span.links()) {
        linkedTraceIdsBySpanId
            .computeIfAbsent(link.getSpanContext().getSpanId(), id -> new ArrayList<>(1))
            .add(link.getSpanContext().getTraceId());
      }
    }
    for (int i = 0, left = waitingCount; i < spans.size() && left > 0; i++) {
      if (!waiting[i]) {
        continue;
      }
      left--;
      SpanNode producer = spans.get(i);
      List<String> traceIds = linkedTraceIdsBySpanId.get(producer.spanId());
      if (traceIds != null && traceIds.contains(producer.traceId())) {
        waiting[i] = false;
      }
    }
  }
}
