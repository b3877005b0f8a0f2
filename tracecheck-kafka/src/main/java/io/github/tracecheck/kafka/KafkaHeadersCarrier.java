package io.github.tracecheck.kafka;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries OpenTelemetry context in Kafka record headers, for services instrumented by hand.
 *
 * <pre>{@code
 * // producer, inside the publish span
 * KafkaHeadersCarrier.inject(openTelemetry, Context.current(), record.headers());
 * // consumer
 * Context parent = KafkaHeadersCarrier.extract(openTelemetry, record.headers());
 * }</pre>
 *
 * <p>A header key may repeat in Kafka: the last one wins, as {@link Headers#lastHeader} reads it.
 * Values are bytes and are decoded as UTF-8. An absent header is absent ({@code null}), never "".
 */
public final class KafkaHeadersCarrier {

  /** Reads headers: the last value of a repeated key, decoded as UTF-8. */
  public static final TextMapGetter<Headers> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
          Set<String> keys = new LinkedHashSet<>();
          for (Header header : headers) {
            keys.add(header.key());
          }
          return keys;
        }

        @Override
        public String get(Headers headers, String key) {
          if (headers == null) {
            return null;
          }
          Header header = headers.lastHeader(key);
          return header == null || header.value() == null
              ? null
              : new String(header.value(), StandardCharsets.UTF_8);
        }
      };

  /** Writes headers, replacing earlier values of the key so that exactly one remains. */
  public static final TextMapSetter<Headers> SETTER =
      (headers, key, value) -> {
        if (headers != null) {
          headers.remove(key);
          headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
      };

  private KafkaHeadersCarrier() {}

  /** Writes the context (traceparent, tracestate, baggage) into the record's headers. */
  public static void inject(OpenTelemetry openTelemetry, Context context, Headers headers) {
    openTelemetry.getPropagators().getTextMapPropagator().inject(context, headers, SETTER);
  }

  /** Reads the context the producer wrote into the record's headers, on top of the root context. */
  public static Context extract(OpenTelemetry openTelemetry, Headers headers) {
    return openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), headers, GETTER);
  }
}
