package io.github.tracecheck.collector;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A span as the processors change it: name, attributes, resource attributes, events. */
final class SpanRecord {

  /** The part of a span a statement works on, by OTTL context. */
  static final class Target {
    String name;
    final Map<String, Object> attributes;

    Target(String name, Map<String, Object> attributes) {
      this.name = name;
      this.attributes = attributes;
    }
  }

  private final SpanData original;
  final Target span;
  final Map<String, Object> resourceAttributes;
  final List<Target> events = new ArrayList<>();
  private final List<Long> eventTimes = new ArrayList<>();

  SpanRecord(SpanData original) {
    this.original = original;
    this.span = new Target(original.getName(), toMap(original.getAttributes()));
    this.resourceAttributes = toMap(original.getResource().getAttributes());
    for (EventData event : original.getEvents()) {
      events.add(new Target(event.getName(), toMap(event.getAttributes())));
      eventTimes.add(event.getEpochNanos());
    }
  }

  private static Map<String, Object> toMap(Attributes attributes) {
    Map<String, Object> map = new LinkedHashMap<>();
    attributes.forEach((key, value) -> map.put(key.getKey(), value));
    return map;
  }

  SpanData toSpanData() {
    String name = span.name;
    Attributes attributes = toAttributes(span.attributes);
    Resource resource =
        Resource.create(toAttributes(resourceAttributes), original.getResource().getSchemaUrl());
    List<EventData> newEvents = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      newEvents.add(EventData.create(eventTimes.get(i), events.get(i).name, toAttributes(events.get(i).attributes)));
    }
    return new DelegatingSpanData(original) {
      @Override
      public String getName() {
        return name;
      }

      @Override
      public Attributes getAttributes() {
        return attributes;
      }

      @Override
      public Resource getResource() {
        return resource;
      }

      @Override
      public List<EventData> getEvents() {
        return newEvents;
      }

      @Override
      public int getTotalAttributeCount() {
        return attributes.size();
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static Attributes toAttributes(Map<String, Object> map) {
    AttributesBuilder builder = Attributes.builder();
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      Object value = entry.getValue();
      String key = entry.getKey();
      if (value instanceof String) {
        builder.put(key, (String) value);
      } else if (value instanceof Long || value instanceof Integer) {
        builder.put(key, ((Number) value).longValue());
      } else if (value instanceof Double) {
        builder.put(key, (Double) value);
      } else if (value instanceof Boolean) {
        builder.put(key, (Boolean) value);
      } else if (value instanceof List) {
        List<String> strings = new ArrayList<>();
        for (Object element : (List<Object>) value) {
          strings.add(String.valueOf(element));
        }
        builder.put(AttributeKey.stringArrayKey(key), strings);
      } else if (value != null) {
        builder.put(key, String.valueOf(value));
      }
    }
    return builder.build();
  }
}
