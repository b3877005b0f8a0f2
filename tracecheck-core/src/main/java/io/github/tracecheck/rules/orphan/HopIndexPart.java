package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import io.opentelemetry.api.trace.SpanKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The indexes of one set of spans, as the hops search them, built from one pass over the spans in
 * the order given (the forest's order, the order they sit in memory) and then laid out in start
 * order from what that pass kept: every span's times, service, call key and whether it is a producer
 * nobody continued are read from the span once, not once per hop, and not in start order, which
 * jumps from trace to trace. A forest checked once is one part; a checker that checks overlapping
 * forests keeps the parts of the traces it checked before ({@link KeptHopIndexes}).
 */
final class HopIndexPart {

  /** Every span, by start. */
  final SpansByStart allSpans;
  /** CLIENT spans by call key ({@link CallHop#callKey}), by start. */
  final Map<CallHop.CallKey, SpansByStart> clientsByCall;
  /** The service of the span at each place of the start order, for {@link #byService()}. */
  private final String[] services;
  private Map<String, SpansByStart> byService;
  /** PRODUCER spans with no child that continued them, in start order; a link may still continue them. */
  final List<SpanNode> producersWithoutConsumer;
  /** Spans that link to others, in the order given. */
  final List<SpanNode> linking;

  HopIndexPart(List<SpanNode> spans) {
    int count = spans.size();
    CallHop.CallKey[] callKeyOf = new CallHop.CallKey[count];
    String[] serviceOf = new String[count];
    boolean[] waiting = new boolean[count];
    List<SpanNode> links = new ArrayList<>();
    Map<String, CallHop.CallKey> httpCallKeys = new HashMap<>();
    for (int i = 0; i < count; i++) {
      SpanNode span = spans.get(i);
      if (span.hasLinks()) {
        links.add(span);
      }
      serviceOf[i] = span.serviceName();
      SpanKind kind = span.kind();
      if (kind == SpanKind.CLIENT) {
        callKeyOf[i] = CallHop.callKey(span, httpCallKeys);
      } else if (kind == SpanKind.PRODUCER && !MessagingHop.continued(span)) {
        waiting[i] = true;
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
        producers.add(allSpans.at(p));
      }
    }
    this.clientsByCall = allSpans.groupedBy(callKeys);
    this.services = services;
    this.producersWithoutConsumer = producers;
    this.linking = links;
  }

  /**
   * Spans by service name, by start; grouped when first asked for, as only roots judged by their
   * thread need it (a stream of requests, whose roots are SERVER spans, never does).
   */
  Map<String, SpansByStart> byService() {
    if (byService == null) {
      byService = allSpans.groupedBy(services);
    }
    return byService;
  }

  int size() {
    return allSpans.size();
  }
}
