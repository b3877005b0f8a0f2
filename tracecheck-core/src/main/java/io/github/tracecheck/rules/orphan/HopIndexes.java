package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import io.opentelemetry.sdk.trace.data.LinkData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The indexes the hops search over the spans of one check: those of a single {@link HopIndexPart},
 * or those of several parts taken together, each with the test of which of its spans still belong to
 * the forest checked.
 */
final class HopIndexes {

  /** Every span, by start. */
  final SpansInTime allSpans;
  /** CLIENT spans by call key ({@link CallHop#callKey}), by start. */
  final Map<CallHop.CallKey, SpansInTime> clientsByCall;
  /** PRODUCER spans that no consumer continued, by start. */
  final List<SpanNode> unconsumed;
  /** Makes {@link #byService()} when first asked for. */
  private final Supplier<Map<String, SpansInTime>> servicesGrouped;
  private Map<String, SpansInTime> byService;

  private HopIndexes(
      SpansInTime allSpans, Map<CallHop.CallKey, SpansInTime> clientsByCall, List<SpanNode> unconsumed,
      Supplier<Map<String, SpansInTime>> servicesGrouped) {
    this.allSpans = allSpans;
    this.clientsByCall = clientsByCall;
    this.unconsumed = unconsumed;
    this.servicesGrouped = servicesGrouped;
  }

  /** Spans by service name, by start. */
  Map<String, SpansInTime> byService() {
    if (byService == null) {
      byService = servicesGrouped.get();
    }
    return byService;
  }

  /** The indexes of these spans, all of which belong to the forest checked. */
  static HopIndexes of(List<SpanNode> spans, boolean linksConnect) {
    HopIndexPart part = new HopIndexPart(spans);
    return new HopIndexes(
        part.allSpans,
        Collections.unmodifiableMap(part.clientsByCall),
        linksConnect ? notLinkedTo(part.producersWithoutConsumer, part.linking) : part.producersWithoutConsumer,
        () -> Collections.unmodifiableMap(part.byService()));
  }

  /**
   * The indexes of several parts together; {@code live.get(i)} tells which spans of part {@code i}
   * belong to the forest checked (the others were built again since, or left it), null when all do.
   */
  static HopIndexes across(List<HopIndexPart> parts, List<Predicate<SpanNode>> live, boolean linksConnect) {
    List<SpansByStart> all = new ArrayList<>(parts.size());
    Map<CallHop.CallKey, Grouped> clients = new LinkedHashMap<>();
    List<SpanNode> producers = new ArrayList<>();
    List<SpanNode> linking = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      HopIndexPart part = parts.get(i);
      Predicate<SpanNode> isLive = live.get(i);
      all.add(part.allSpans);
      addGroups(part.clientsByCall, isLive, clients);
      addLive(part.producersWithoutConsumer, isLive, producers);
      addLive(part.linking, isLive, linking);
    }
    return new HopIndexes(
        new SpansByStartAcrossParts(all, live),
        combined(clients),
        linksConnect ? notLinkedTo(producers, linking) : producers,
        () -> {
          Map<String, Grouped> services = new LinkedHashMap<>();
          for (int i = 0; i < parts.size(); i++) {
            addGroups(parts.get(i).byService(), live.get(i), services);
          }
          return combined(services);
        });
  }

  /** The parts' indexes of one group, and which of their spans are live. */
  private static final class Grouped {
    final List<SpansByStart> indexes = new ArrayList<>(4);
    final List<Predicate<SpanNode>> live = new ArrayList<>(4);
  }

  private static <K> void addGroups(Map<K, SpansByStart> groups, Predicate<SpanNode> isLive, Map<K, Grouped> into) {
    groups.forEach((key, index) -> {
      Grouped grouped = into.computeIfAbsent(key, k -> new Grouped());
      grouped.indexes.add(index);
      grouped.live.add(isLive);
    });
  }

  private static <K> Map<K, SpansInTime> combined(Map<K, Grouped> groups) {
    Map<K, SpansInTime> indexes = new HashMap<>(groups.size() * 2);
    groups.forEach((key, grouped) -> indexes.put(key, new SpansByStartAcrossParts(grouped.indexes, grouped.live)));
    return indexes;
  }

  private static void addLive(List<SpanNode> spans, Predicate<SpanNode> isLive, List<SpanNode> into) {
    if (isLive == null) {
      into.addAll(spans);
      return;
    }
    for (int i = 0; i < spans.size(); i++) {
      if (isLive.test(spans.get(i))) {
        into.add(spans.get(i));
      }
    }
  }

  /**
   * The producers none of the {@code linking} spans links to (a consumer that continued the message
   * by a link). The links are few: they are put in a map by span id, and each producer is looked up
   * in it, so nothing is made per producer.
   */
  private static List<SpanNode> notLinkedTo(List<SpanNode> producers, List<SpanNode> linking) {
    if (producers.isEmpty() || linking.isEmpty()) {
      return producers;
    }
    // Span ids are unique within a trace only: links to spans of other traces may share one.
    Map<String, List<String>> linkedTraceIdsBySpanId = new HashMap<>();
    for (SpanNode span : linking) {
      for (LinkData link : span.links()) {
        linkedTraceIdsBySpanId
            .computeIfAbsent(link.getSpanContext().getSpanId(), id -> new ArrayList<>(1))
            .add(link.getSpanContext().getTraceId());
      }
    }
    List<SpanNode> notLinked = new ArrayList<>(producers.size());
    for (SpanNode producer : producers) {
      List<String> traceIds = linkedTraceIdsBySpanId.get(producer.spanId());
      if (traceIds == null || !traceIds.contains(producer.traceId())) {
        notLinked.add(producer);
      }
    }
    return notLinked;
  }
}
