package io.github.tracecheck.assertj;

import static io.github.tracecheck.assertj.error.ShouldCarryTraceContext.shouldCarryBaggage;
import static io.github.tracecheck.assertj.error.ShouldCarryTraceContext.shouldCarryValidTraceContext;
import static io.github.tracecheck.assertj.error.ShouldCarryTraceContext.shouldContinueSpan;
import static java.util.Objects.requireNonNull;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.render.SpanLabel;
import io.github.tracecheck.w3c.BaggageHeader;
import io.github.tracecheck.w3c.Traceparent;
import io.github.tracecheck.w3c.Tracestate;
import io.github.tracecheck.w3c.WireContext;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;

/**
 * The checks on what crossed the wire, the same in every protocol: an HTTP request's headers, a
 * gRPC call's metadata, a Kafka record's headers, or any other carrier. Validation is the core's
 * ({@link Traceparent}, {@link Tracestate}, {@link BaggageHeader}, {@link WireContext}), so that
 * every protocol accepts and rejects the same values.
 *
 * <pre>{@code
 * HttpAssertions.assertThat(server.lastRequest())
 *     .hasValidTraceparent()
 *     .hasValidTracestate()
 *     .hasValidBaggage()
 *     .continuesSpan(clientSpan)
 *     .hasBaggage("tenant", "acme");
 * }</pre>
 *
 * <p>Failures name the carrier ("Expecting request GET /stock/sku-42 to carry valid W3C trace
 * context, but no traceparent header.") and list what it carried: every name, and the values of the
 * trace-context entries, masked where they hold personal data.
 *
 * @param <SELF> the subclass, so that checks chain
 * @param <ACTUAL> what carried the context
 */
public abstract class AbstractWireContextAssert<SELF extends AbstractWireContextAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractAssert<SELF, ACTUAL> {

  private static final Set<String> TRACE_CONTEXT = Set.of("traceparent", "tracestate", "baggage");

  // An anonymous class, not a lambda: the protocol modules run on OpenTelemetry before 1.68, where
  // keys() has no default; 1.68 deprecates it.
  private static final TextMapGetter<AbstractWireContextAssert<?, ?>> GETTER =
      new TextMapGetter<>() {
        @Override
        @SuppressWarnings("deprecation")
        public Iterable<String> keys(AbstractWireContextAssert<?, ?> carrier) {
          return carrier.headerNames();
        }

        @Override
        public String get(AbstractWireContextAssert<?, ?> carrier, String key) {
          return carrier == null ? null : carrier.header(key);
        }
      };

  protected AbstractWireContextAssert(ACTUAL actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** The value carried under this name (the last one, if repeated), or null; {@code actual} is not null. */
  protected abstract String header(String name);

  /** The names of everything carried; {@code actual} is not null. */
  protected abstract List<String> headerNames();

  /** How failures name the carrier, e.g. {@code request GET /stock/sku-42} or {@code the record}. */
  protected abstract String carrier();

  /** What failures call the carried entries: {@code Headers} unless overridden (gRPC: {@code Metadata}). */
  protected String entries() {
    return "Headers";
  }

  /** The carrier has a valid W3C {@code traceparent}. */
  public SELF hasValidTraceparent() {
    isNotNull();
    String traceparent = header("traceparent");
    // Absent, the core's reason ("no traceparent header") names the header already.
    return failIfInvalid(traceparent == null ? "" : "traceparent: ", Traceparent.problem(traceparent));
  }

  /** The carrier's {@code tracestate}, if it has one, is valid: the header is optional. */
  public SELF hasValidTracestate() {
    isNotNull();
    return failIfInvalid("tracestate: ", Tracestate.problem(header("tracestate")));
  }

  /** The carrier's {@code baggage}, if it has one, is valid: the header is optional. */
  public SELF hasValidBaggage() {
    isNotNull();
    return failIfInvalid("baggage: ", BaggageHeader.problem(header("baggage")));
  }

  /**
   * The carrier's traceparent continues the span on the sending side: it is valid, names the span's
   * trace, and names the span as the parent.
   */
  public SELF continuesSpan(SpanNode sender) {
    requireNonNull(sender, "the span to continue should not be null");
    hasValidTraceparent();
    String traceparent = header("traceparent");
    if (WireContext.notContinuing(traceparent, sender) != null) {
      Traceparent named = Traceparent.parse(traceparent).orElseThrow();
      throwAssertionError(shouldContinueSpan(carrier(), traceparent, SpanLabel.of(sender), sender.traceId(),
          sender.spanId(), named.traceId(), named.parentId()));
    }
    return myself;
  }

  /** The carrier's valid {@code baggage} has this entry. */
  public SELF hasBaggage(String key, String value) {
    requireNonNull(key, "the baggage key should not be null");
    requireNonNull(value, "the baggage value should not be null");
    hasValidBaggage();
    Context extracted = W3CBaggagePropagator.getInstance().extract(Context.root(), this, GETTER);
    String actualValue = Baggage.fromContext(extracted).getEntryValue(key);
    if (!value.equals(actualValue)) {
      throwAssertionError(shouldCarryBaggage(carrier(), key, value, actualValue, carried()));
    }
    return myself;
  }

  private SELF failIfInvalid(String header, String problem) {
    if (problem != null) {
      throwAssertionError(shouldCarryValidTraceContext(carrier(), header + problem, carried()));
    }
    return myself;
  }

  /** E.g. {@code Headers: [host, traceparent=00-...-01, user-agent]}. */
  private String carried() {
    StringJoiner out = new StringJoiner(", ", entries() + ": [", "]");
    for (String name : new TreeSet<>(headerNames())) {
      out.add(TRACE_CONTEXT.contains(name.toLowerCase(Locale.ROOT)) ? name + "=" + Masking.redact(header(name)) : name);
    }
    return out.toString();
  }
}
