package io.github.tracecheck.collector;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Collector's {@code string_attribute}, {@code numeric_attribute} and {@code boolean_attribute}
 * policies: a trace matches when a resource or a span has the attribute with a matching value.
 * Values are read as Go's pdata reads them: a value of another type reads as {@code ""}, {@code 0}
 * or {@code false} (so a double {@code 503.0} is 0 for {@code numeric_attribute}). With {@code
 * invert_match} a match anywhere gives {@code INVERT_NOT_SAMPLED}, which vetoes the whole decision,
 * and no match gives {@code INVERT_SAMPLED}.
 */
final class AttributePolicy implements SamplingPolicy {

  private final String key;
  private final Predicate<Object> resourceMatch;
  private final Predicate<Object> spanMatch;
  private final boolean invert;

  private AttributePolicy(String key, Predicate<Object> resourceMatch, Predicate<Object> spanMatch, boolean invert) {
    this.key = key;
    this.resourceMatch = resourceMatch;
    this.spanMatch = spanMatch;
    this.invert = invert;
  }

  /** The string filter; on spans, an empty value never matches (on resources it may, as in Go). */
  static AttributePolicy string(String key, Predicate<String> matcher, boolean invert) {
    return new AttributePolicy(key, value -> matcher.test(str(value)),
        value -> !str(value).isEmpty() && matcher.test(str(value)), invert);
  }

  /** The numeric filter: {@code min <= value <= max}. */
  static AttributePolicy numeric(String key, long min, long max, boolean invert) {
    Predicate<Object> inRange = value -> {
      long number = value instanceof Long ? (Long) value : 0;
      return number >= min && number <= max;
    };
    return new AttributePolicy(key, inRange, inRange, invert);
  }

  static AttributePolicy bool(String key, boolean expected, boolean invert) {
    Predicate<Object> same = value -> (value instanceof Boolean && (Boolean) value) == expected;
    return new AttributePolicy(key, same, same, invert);
  }

  private static String str(Object value) {
    return value instanceof String ? (String) value : "";
  }

  @Override
  public SamplingDecision evaluate(TraceUnderDecision trace) {
    boolean matched = false;
    for (Resource resource : trace.resources()) {
      matched |= matches(resource.getAttributes(), resourceMatch);
    }
    for (SpanData span : trace.spans()) {
      matched |= matches(span.getAttributes(), spanMatch);
    }
    if (invert) {
      return matched ? SamplingDecision.INVERT_NOT_SAMPLED : SamplingDecision.INVERT_SAMPLED;
    }
    return matched ? SamplingDecision.SAMPLED : SamplingDecision.NOT_SAMPLED;
  }

  private boolean matches(Attributes attributes, Predicate<Object> match) {
    for (Map.Entry<AttributeKey<?>, Object> entry : attributes.asMap().entrySet()) {
      if (entry.getKey().getKey().equals(key)) {
        return match.test(entry.getValue());
      }
    }
    return false;
  }
}
