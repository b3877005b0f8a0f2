package io.github.tracecheck.semconv;

import static io.github.tracecheck.semconv.KnownAttributes.HTTP_METHOD;
import static io.github.tracecheck.semconv.KnownAttributes.HTTP_REQUEST_METHOD;
import static io.github.tracecheck.semconv.KnownAttributes.HTTP_RESPONSE_STATUS_CODE;
import static io.github.tracecheck.semconv.KnownAttributes.HTTP_ROUTE;
import static io.github.tracecheck.semconv.KnownAttributes.HTTP_STATUS_CODE;
import static io.github.tracecheck.semconv.KnownAttributes.HTTP_TARGET;
import static io.github.tracecheck.semconv.KnownAttributes.HTTP_URL;
import static io.github.tracecheck.semconv.KnownAttributes.METHOD;
import static io.github.tracecheck.semconv.KnownAttributes.OUTCOME;
import static io.github.tracecheck.semconv.KnownAttributes.STATUS;
import static io.github.tracecheck.semconv.KnownAttributes.URL_FULL;
import static io.github.tracecheck.semconv.KnownAttributes.URL_PATH;

import io.github.tracecheck.model.SpanNode;
import java.net.URI;

/**
 * HTTP attributes of a span under every name in use: the current semantic conventions ({@code
 * http.request.method}, {@code http.response.status_code}, {@code url.full}, {@code url.path}), the
 * older ones ({@code http.method}, {@code http.status_code}, {@code http.url}, {@code http.target}),
 * and the ones Micrometer's Spring observation conventions write ({@code method}, {@code status},
 * {@code uri}, {@code outcome}, {@code http.url}).
 */
public final class HttpAttributes {

  private HttpAttributes() {}

  /** The request method, e.g. {@code GET}; null when the span records none. */
  public static String method(SpanNode span) {
    KnownAttributes known = KnownAttributes.of(span);
    String method = known.string(HTTP_REQUEST_METHOD, HTTP_METHOD);
    return method != null || !isMicrometerHttp(known) ? method : known.string(METHOD);
  }

  /** The response status code; null when the span records none. */
  public static Long statusCode(SpanNode span) {
    KnownAttributes known = KnownAttributes.of(span);
    Long status = known.number(HTTP_RESPONSE_STATUS_CODE, HTTP_STATUS_CODE);
    return status != null || !isMicrometerHttp(known) ? status : known.number(STATUS);
  }

  /** The URL as recorded: {@code url.full} or {@code http.url}; null when unknown. */
  public static String url(SpanNode span) {
    return KnownAttributes.of(span).string(URL_FULL, HTTP_URL);
  }

  /** The path a client requested, from its URL; null when unknown. */
  public static String clientPath(SpanNode span) {
    return path(url(span));
  }

  /**
   * The path a server received, without the query: {@code url.path}, {@code http.target}, or (for
   * Micrometer, which records the request URI there) {@code http.url}; null when unknown.
   */
  public static String serverPath(SpanNode span) {
    KnownAttributes known = KnownAttributes.of(span);
    String target = known.string(URL_PATH, HTTP_TARGET);
    if (target == null) {
      return path(known.string(HTTP_URL));
    }
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  /** The route template the server matched, e.g. {@code /orders/{id}}: {@code http.route} or Micrometer's {@code uri}. */
  public static String route(SpanNode span) {
    KnownAttributes known = KnownAttributes.of(span);
    String route = known.string(HTTP_ROUTE);
    return route != null || !isMicrometerHttp(known) ? route : known.string(KnownAttributes.URI);
  }

  /** Whether the span records an HTTP exchange under any of the names above. */
  public static boolean isHttp(SpanNode span) {
    return method(span) != null || statusCode(span) != null || url(span) != null;
  }

  /**
   * Micrometer's generic names ({@code method}, {@code status}, {@code uri}) are read only where its
   * HTTP observations leave their mark ({@code outcome}), so an unrelated {@code status} is not taken
   * for an HTTP status.
   */
  private static boolean isMicrometerHttp(KnownAttributes known) {
    return known.string(OUTCOME) != null;
  }

  private static String path(String url) {
    if (url == null) {
      return null;
    }
    try {
      String path = URI.create(url).getRawPath();
      return path == null || path.isEmpty() ? null : path;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
