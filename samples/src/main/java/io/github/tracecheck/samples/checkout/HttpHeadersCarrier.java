package io.github.tracecheck.samples.checkout;

import com.sun.net.httpserver.Headers;
import io.opentelemetry.context.propagation.TextMapGetter;

/** Reads trace context from the JDK HTTP server's request headers, as hand-written instrumentation does. */
final class HttpHeadersCarrier {

  static final TextMapGetter<Headers> SERVER_HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
          return headers.keySet();
        }

        @Override
        public String get(Headers headers, String key) {
          return headers == null ? null : headers.getFirst(key);
        }
      };

  private HttpHeadersCarrier() {}
}
