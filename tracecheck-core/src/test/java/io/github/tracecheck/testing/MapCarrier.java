package io.github.tracecheck.testing;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Map;

/** Reads trace context from a map of headers, as tests hand it from client to server. */
public final class MapCarrier {

  /**
   * An anonymous class, not a lambda: {@code TextMapGetter.keys} has no default before
   * OpenTelemetry 1.50, and the tests run on 1.49 too.
   */
  public static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private MapCarrier() {}
}
