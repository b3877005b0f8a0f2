package io.github.tracecheck.assertj;

import io.github.tracecheck.model.SpanNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which span to find in a trace: by name, and optionally by kind and attributes.
 *
 * <pre>{@code
 * assertThat(trace).span(SpanQuery.named("orders publish").kind(SpanKind.PRODUCER)
 *     .attribute("messaging.destination.name", "orders"));
 * }</pre>
 *
 * <p>Immutable: each method returns a new query.
 */
public final class SpanQuery {

  private final List<Predicate<SpanNode>> conditions;
  private final List<String> descriptions;

  private SpanQuery(List<Predicate<SpanNode>> conditions, List<String> descriptions) {
    this.conditions = conditions;
    this.descriptions = descriptions;
  }

  /** Spans with exactly this name. */
  public static SpanQuery named(String name) {
    Objects.requireNonNull(name, "name");
    return new SpanQuery(List.of(), List.of()).and(n -> n.name().equals(name), "name \"" + name + "\"");
  }

  /** Any span; narrow it with {@link #kind} and {@link #attribute}. */
  public static SpanQuery any() {
    return new SpanQuery(List.of(), List.of());
  }

  public SpanQuery kind(SpanKind kind) {
    Objects.requireNonNull(kind, "kind");
    return and(n -> n.kind() == kind, "kind " + kind);
  }

  /** Spans with this typed attribute value. */
  public <T> SpanQuery attribute(AttributeKey<T> key, T value) {
    Objects.requireNonNull(key, "key");
    return and(n -> Objects.equals(n.attribute(key), value), key.getKey() + "=" + value);
  }

  /**
   * Spans with an attribute of this name whose value, of any type, prints as {@code value}: {@code
   * attribute("http.response.status_code", 200)} matches the long 200.
   */
  public SpanQuery attribute(String key, Object value) {
    Objects.requireNonNull(key, "key");
    return and(n -> AttributeValues.matches(n, key, value), key + "=" + value);
  }

  /** Spans of the process with this {@code service.name}. */
  public SpanQuery service(String serviceName) {
    return and(n -> n.serviceName().equals(serviceName), "service " + serviceName);
  }

  /** Spans satisfying a predicate, described for failure messages. */
  public SpanQuery matching(Predicate<SpanNode> predicate, String description) {
    return and(predicate, description);
  }

  public boolean matches(SpanNode node) {
    for (Predicate<SpanNode> condition : conditions) {
      if (!condition.test(node)) {
        return false;
      }
    }
    return true;
  }

  private SpanQuery and(Predicate<SpanNode> condition, String description) {
    List<Predicate<SpanNode>> c = new ArrayList<>(conditions);
    c.add(condition);
    List<String> d = new ArrayList<>(descriptions);
    d.add(description);
    return new SpanQuery(List.copyOf(c), List.copyOf(d));
  }

  /** The query as it prints in failure messages, e.g. {@code span with name "x" and kind SERVER}. */
  @Override
  public String toString() {
    return descriptions.isEmpty() ? "any span" : "span with " + String.join(" and ", descriptions);
  }
}
