package io.github.tracecheck.samples.checkout;

import com.sun.net.httpserver.Headers;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.net.http.HttpRequest;

/** Hand-written carriers for the JDK HTTP server and client, as a service without an agent would write them. */
final class HttpHeadersCarrier {

  static final TextMapGetter<Headers> SERVER_HEADERS =
      (headers, key) -> headers == null ? null : headers.getFirst(key);

  static final TextMapSetter<HttpRequest.Builder> CLIENT_REQUEST =
      (request, key, value) -> request.header(key, value);

  private HttpHeadersCarrier() {}
}
