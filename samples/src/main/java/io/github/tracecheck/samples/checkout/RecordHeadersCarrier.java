package io.github.tracecheck.samples.checkout;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The seed's Kafka header carrier: trace context in record headers, written and read by hand. */
final class RecordHeadersCarrier {

  static final TextMapSetter<Headers> SETTER =
      (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
      };

  static final TextMapGetter<Headers> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
          List<String> keys = new ArrayList<>();
          for (Header header : headers) {
            keys.add(header.key());
          }
          return keys;
        }

        @Override
        public String get(Headers headers, String key) {
          Header header = headers == null ? null : headers.lastHeader(key);
          return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
      };

  private RecordHeadersCarrier() {}
}
