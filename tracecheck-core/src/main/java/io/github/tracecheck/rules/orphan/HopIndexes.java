package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import io.opentelemetry.api.trace.SpanKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    Set<MessagingHop.SpanIds> linked = linksConnect ? new java.util.HashSet<>() : Set.of();
    for (int i = 0; i < count; i++) {
      SpanNode span = spans.get(i);
      serviceOf[i] = span.serviceName();
      SpanKind kind = span.kind();
      if (kind == SpanKind.CLIENT) {
        callKeyOf[i] = CallHop.callKey(span);
      } else if (kind == SpanKind.PRODUCER) {
        waiting[i] = !MessagingHop.continued(span);
      }
      if (linksConnect) {
        MessagingHop.addLinkedSpanIds(span, linked);
      }
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
        SpanNode producer = allSpans.at(p);
        if (linked.isEmpty() || !linked.contains(new MessagingHop.SpanIds(producer.traceId(), producer.spanId()))) {
          producers.add(producer);
        }
      }
    }
    this.clientsByCall = allSpans.groupedBy(callKeys);
    this.byService = allSpans.groupedBy(services);
    this.unconsumed = producers;
  }
}
