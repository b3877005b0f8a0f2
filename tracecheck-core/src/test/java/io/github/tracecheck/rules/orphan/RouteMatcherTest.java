package io.github.tracecheck.rules.orphan;

import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.testing.TestSpans;
import io.opentelemetry.api.trace.SpanKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteMatcherTest {

  private final RouteMatcher routes = new RouteMatcher();

  @Test
  void braceAndColonParametersStandForOneSegment() {
    assertThat(routes.matches("/orders/{id}", "/orders/42")).isTrue();
    assertThat(routes.matches("/orders/:id", "/orders/42")).isTrue();
    assertThat(routes.matches("/orders/{id}/items/{item}", "/orders/42/items/7")).isTrue();
    assertThat(routes.matches("/orders/:id/items", "/orders/42/items")).isTrue();

    assertThat(routes.matches("/orders/{id}", "/orders/42/items")).isFalse();
    assertThat(routes.matches("/orders/:id", "/orders/42/items")).isFalse();
    assertThat(routes.matches("/orders/{id}", "/orders/")).isFalse();
    assertThat(routes.matches("/orders/{id}", "/orders")).isFalse();
  }

  @Test
  void aStarStandsForAnythingIncludingSeveralSegmentsOrNothing() {
    assertThat(routes.matches("/files/*", "/files/a")).isTrue();
    assertThat(routes.matches("/files/*", "/files/a/b/c.txt")).isTrue();
    assertThat(routes.matches("/files/*", "/files/")).isTrue();
    assertThat(routes.matches("/files/*", "/images/a")).isFalse();
  }

  @Test
  void theRestOfTheTemplateIsLiteral() {
    assertThat(routes.matches("/stock", "/stock")).isTrue();
    assertThat(routes.matches("/v1.0/stock", "/v1x0/stock")).isFalse();
    assertThat(routes.matches("/stock+{sku}", "/stock+42")).isTrue();
    assertThat(routes.matches("/stock/{sku}", "/prices/42")).isFalse();
    assertThat(routes.matches("/stock/{sku}", "/STOCK/42")).isFalse();
  }

  @Test
  void aTrailingSlashIsPartOfThePath() {
    assertThat(routes.matches("/orders/{id}", "/orders/42/")).isFalse();
    assertThat(routes.matches("/orders/{id}/", "/orders/42")).isFalse();
    assertThat(routes.matches("/orders/{id}/", "/orders/42/")).isTrue();
    assertThat(samePath(client("http://shop/orders/42/"), server().attr("url.path", "/orders/42"))).isFalse();
  }

  @Test
  void queryStringsAreIgnoredOnBothSides() {
    assertThat(samePath(client("http://shop/orders/42?expand=items"), server().attr("http.route", "/orders/{id}")))
        .isTrue();
    assertThat(samePath(client("http://shop/orders/42?expand=items"), server().attr("url.path", "/orders/42")))
        .isTrue();
    assertThat(samePath(client("http://shop/orders/42"), server().attr("http.target", "/orders/42?expand=items")))
        .isTrue();
  }

  @Test
  void aRecordedServerPathIsComparedAsItIsAndWinsOverTheRoute() {
    assertThat(samePath(client("http://shop/orders/42"), server().attr("url.path", "/orders/42"))).isTrue();
    assertThat(samePath(client("http://shop/orders/42"), server().attr("url.path", "/orders/43"))).isFalse();
    assertThat(samePath(
            client("http://shop/orders/42"),
            server().attr("url.path", "/orders/43").attr("http.route", "/orders/{id}")))
        .isFalse();
  }

  @Test
  void aRouteTemplateMatchesTheClientsPath() {
    assertThat(samePath(client("http://shop/orders/42"), server().attr("http.route", "/orders/:id"))).isTrue();
    assertThat(samePath(client("http://shop/prices/42"), server().attr("http.route", "/orders/{id}"))).isFalse();
  }

  @Test
  void aSideThatRecordedNoPathMatches() {
    assertThat(samePath(span("GET", id(1)).kind(SpanKind.CLIENT), server().attr("http.route", "/orders/{id}")))
        .isTrue();
    assertThat(samePath(client("not a url"), server().attr("http.route", "/orders/{id}"))).isTrue();
    assertThat(samePath(client("http://shop"), server().attr("url.path", "/orders/42"))).isTrue();
    assertThat(samePath(client("http://shop/orders/42"), server())).isTrue();
  }

  private static TestSpans.Builder client(String url) {
    return span("GET", id(1)).kind(SpanKind.CLIENT).attr("url.full", url);
  }

  private static TestSpans.Builder server() {
    return span("GET /orders/{id}", id(2)).trace(TestSpans.OTHER_TRACE_ID).kind(SpanKind.SERVER);
  }

  private boolean samePath(TestSpans.Builder client, TestSpans.Builder server) {
    List<SpanNode> spans = TraceForest.of(List.of(client.build(), server.build())).spans();
    SpanNode clientNode = spans.stream().filter(n -> n.kind() == SpanKind.CLIENT).findFirst().orElseThrow();
    SpanNode serverNode = spans.stream().filter(n -> n.kind() == SpanKind.SERVER).findFirst().orElseThrow();
    return routes.samePathAs(serverNode).test(clientNode);
  }
}
