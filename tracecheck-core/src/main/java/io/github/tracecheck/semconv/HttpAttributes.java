package io.github.tracecheck.semconv;

import static io.github.tracecheck.semconv.AttributeReader.number;
import static io.github.tracecheck.semconv.AttributeReader.string;

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
    String method = string(span, "http.request.method", "http.method");
    return method != null || !isMicrometerHttp(span) ? method : string(span, "method");
  }

  /** The response status code; null when the span records none. */
  public static Long statusCode(SpanNode span) {
    Long status = number(span, "http.response.status_code", "http.status_code");
    return status != null || !isMicrometerHttp(span) ? status : number(span, "status");
  }

  /** The URL as recorded: {@code url.full} or {@code http.url}; null when unknown. */
  public static String url(SpanNode span) {
    return string(span, "url.full", "http.url");
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
    String target = string(span, "url.path", "http.target");
    if (target == null) {
      return path(string(span, "http.url"));
    }
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  /** The route template the server matched, e.g. {@code /orders/{id}}: {@code http.route} or Micrometer's {@code uri}. */
  public static String route(SpanNode span) {
    String route = string(span, "http.route");
    return route != null || !isMicrometerHttp(span) ? route : string(span, "uri");
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
  private static boolean isMicrometerHttp(SpanNode span) {
    return string(span, "outcome") != null;
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
