package io.github.tracecheck.http;

import io.github.tracecheck.assertj.AbstractHopAssert;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.semconv.HttpAttributes;
import io.opentelemetry.api.trace.SpanKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Assertions on one HTTP hop: the CLIENT spans that sent a method to a path, and the SERVER spans
 * that received it, read through {@link HttpAttributes} (current, older and Micrometer's attribute
 * names). The checks are those of every hop ({@link AbstractHopAssert}).
 *
 * <pre>{@code
 * HttpAssertions.assertThatHttpHop(forest, "GET", "/stock/sku-42").isRemoteChildOfSender().hasProtocolAttributes();
 * }</pre>
 */
public class HttpHopAssert extends AbstractHopAssert<HttpHopAssert> {

  private final String method;
  private final String path;

  public HttpHopAssert(TraceForest actual, String method, String path) {
    super(actual, HttpHopAssert.class);
    this.method = method;
    this.path = path;
  }

  /**
   * Every SERVER span is a child of one of the CLIENT spans, through extracted (remote) context.
   *
   * @deprecated the same check is {@link #isRemoteChildOfSender()}, named alike for every protocol
   */
  @Deprecated
  public HttpHopAssert serverIsRemoteChildOfClient() {
    return isRemoteChildOfSender();
  }

  /**
   * Both sides record the method and the response status; the server also its route.
   *
   * @deprecated the same check is {@link #hasProtocolAttributes()}, named alike for every protocol
   */
  @Deprecated
  public HttpHopAssert hasMethodRouteAndStatus() {
    return hasProtocolAttributes();
  }

  @Override
  protected String hop() {
    return "the HTTP hop " + method + " " + path;
  }

  /** A CLIENT span with the method and the path in its URL, or a SERVER span with the method and the path. */
  @Override
  protected boolean isPartOfHop(SpanNode span) {
    String spanPath = span.kind() == SpanKind.CLIENT ? HttpAttributes.clientPath(span) : HttpAttributes.serverPath(span);
    return method.equals(HttpAttributes.method(span)) && path.equals(spanPath);
  }

  @Override
  protected String protocolAttributes() {
    return "http.request.method and http.response.status_code on both sides, and http.route on the server";
  }

  /** The method is how the hop's spans are found; the status, and the server's route, must be there too. */
  @Override
  protected List<String> missingProtocolAttributes(SpanNode span) {
    List<String> missing = new ArrayList<>();
    if (HttpAttributes.statusCode(span) == null) {
      missing.add("http.response.status_code");
    }
    if (span.kind() == SpanKind.SERVER && HttpAttributes.route(span) == null) {
      missing.add("http.route");
    }
    return missing;
  }
}
