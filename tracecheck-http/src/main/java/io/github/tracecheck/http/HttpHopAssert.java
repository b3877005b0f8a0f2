package io.github.tracecheck.http;

import io.github.tracecheck.assertj.Hops;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.render.TraceTreeRenderer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one HTTP hop: the CLIENT spans that sent a method to a path, and the SERVER spans
 * that received it (current and older semantic-convention attribute names).
 */
public class HttpHopAssert extends AbstractAssert<HttpHopAssert, TraceForest> {

  private final String method;
  private final String path;

  public HttpHopAssert(TraceForest actual, String method, String path) {
    super(actual, HttpHopAssert.class);
    this.method = method;
    this.path = path;
  }

  public HttpHopAssert exists() {
    isNotNull();
    if (clients().isEmpty() || servers().isEmpty()) {
      fail("a CLIENT and a SERVER span", clients().size() + " CLIENT and " + servers().size() + " SERVER span(s)", List.of());
    }
    return myself;
  }

  /** Every SERVER span is a child of one of the CLIENT spans, through extracted (remote) context. */
  public HttpHopAssert serverIsRemoteChildOfClient() {
    exists();
    List<SpanNode> clients = clients();
    List<SpanNode> broken = Hops.serversNotContinuingClients(clients, servers());
    if (!broken.isEmpty()) {
      List<SpanNode> marked = new ArrayList<>(broken);
      marked.addAll(clients);
      fail("every SERVER span a remote child of a CLIENT span",
          broken.size() + " SERVER span(s) that are not (marked, with the CLIENT spans)", marked);
    }
    return myself;
  }

  /** Both sides record the method and the response status; the server also its route. */
  public HttpHopAssert hasMethodRouteAndStatus() {
    exists();
    List<SpanNode> missing = new ArrayList<>();
    List<SpanNode> all = new ArrayList<>(clients());
    all.addAll(servers());
    for (SpanNode span : all) {
      boolean status = span.attribute(AttributeKey.longKey("http.response.status_code")) != null
          || span.attribute(AttributeKey.longKey("http.status_code")) != null;
      boolean route = span.kind() != SpanKind.SERVER || span.attribute(AttributeKey.stringKey("http.route")) != null;
      if (method(span) == null || !status || !route) {
        missing.add(span);
      }
    }
    if (!missing.isEmpty()) {
      fail("http.request.method and http.response.status_code on both sides, and http.route on the server",
          missing.size() + " span(s) without them (marked)", missing);
    }
    return myself;
  }

  List<SpanNode> clients() {
    List<SpanNode> found = new ArrayList<>();
    for (SpanNode span : actual.spans()) {
      if (span.kind() == SpanKind.CLIENT && method.equals(method(span)) && path.equals(clientPath(span))) {
        found.add(span);
      }
    }
    return found;
  }

  List<SpanNode> servers() {
    List<SpanNode> found = new ArrayList<>();
    for (SpanNode span : actual.spans()) {
      String target = span.attribute(AttributeKey.stringKey("url.path"));
      if (target == null) {
        target = span.attribute(AttributeKey.stringKey("http.target"));
      }
      if (span.kind() == SpanKind.SERVER && method.equals(method(span)) && target != null && target.split("\\?")[0].equals(path)) {
        found.add(span);
      }
    }
    return found;
  }

  private static String method(SpanNode span) {
    String method = span.attribute(AttributeKey.stringKey("http.request.method"));
    return method != null ? method : span.attribute(AttributeKey.stringKey("http.method"));
  }

  private static String clientPath(SpanNode span) {
    String url = span.attribute(AttributeKey.stringKey("url.full"));
    if (url == null) {
      url = span.attribute(AttributeKey.stringKey("http.url"));
    }
    try {
      return url == null ? null : URI.create(url).getRawPath();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void fail(String expected, String found, List<SpanNode> marked) {
    failWithMessage("%nExpecting the HTTP hop %s %s to have:%n  %s%nbut found:%n  %s%n%s",
        method, path, expected, found, TraceTreeRenderer.create().render(actual, marked));
  }
}
