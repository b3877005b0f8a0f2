package io.github.tracecheck.rules;

import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.pii.Detectors;
import io.github.tracecheck.pii.PiiAllowance;
import io.github.tracecheck.render.FindingsReport;
import io.github.tracecheck.render.TraceTreeRenderer;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.testing.RealSdk;
import io.github.tracecheck.testing.TestSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PiiRuleTest {

  private final RealSdk sdk = new RealSdk();
  private final Tracer tracer = sdk.tracer("api-gateway");

  @AfterEach
  void close() {
    sdk.close();
  }

  private List<Finding> check(RuleOptions options) {
    return new PiiRule().check(sdk.snapshot(), options);
  }

  @Test
  void findsEmailAndTokenInAttributesWithMaskedValues() {
    tracer.spanBuilder("POST /login").setSpanKind(SpanKind.SERVER)
        .setAttribute("user.email", "jane.doe@example.com")
        .setAttribute("url.full", "https://shop.example.com/cb?access_token=s3cr3tT0ken&x=1")
        .startSpan().end();

    List<Finding> findings = check(RuleOptions.defaults());

    assertThat(findings).extracting(Finding::message).containsExactlyInAnyOrder(
        "span \"POST /login\" (api-gateway) has an email address [email] in attribute \"user.email\": j***@e***.com",
        "span \"POST /login\" (api-gateway) has credentials in a URL [url-credentials] in attribute \"url.full\": s3***");
    String rendered = FindingsReport.render(findings.get(0), sdk.snapshot(), TraceTreeRenderer.create())
        + FindingsReport.render(findings.get(1), sdk.snapshot(), TraceTreeRenderer.create());
    assertThat(rendered).doesNotContain("jane.doe@example.com").doesNotContain("s3cr3tT0ken")
        .contains("url.full=https://shop.example.com/cb?access_token=s3***&x=1");
  }

  @Test
  void scansNamesHeadersEventsLinksAndResources() {
    Span other = tracer.spanBuilder("other").startSpan();
    other.end();
    SpanContext linked = other.getSpanContext();
    Span span = tracer.spanBuilder("lookup 4111 1111 1111 1111")
        .setAttribute("http.request.header.authorization", "opaque-session-value")
        .addLink(linked, Attributes.builder().put("customer", "+1 415 555 2671").build())
        .startSpan();
    span.recordException(new IllegalStateException("no account for jane@example.org"));
    span.end();
    try (RealSdk withResource = new RealSdk()) {
      withResource.tracer("ops@example.com").spanBuilder("s").startSpan().end();
      assertThat(new PiiRule().check(withResource.snapshot(), RuleOptions.defaults()))
          .extracting(Finding::message)
          .anySatisfy(m -> assertThat(m).contains("in resource attribute \"service.name\": o***@e***.com"));
    }

    assertThat(check(RuleOptions.defaults())).extracting(Finding::message).containsExactlyInAnyOrder(
        "span \"lookup 4111 **** **** 1111\" (api-gateway) has a payment card number [card-number] in span name:"
            + " 4111 **** **** 1111",
        "span \"lookup 4111 **** **** 1111\" (api-gateway) has an Authorization header credential [authorization] in"
            + " attribute \"http.request.header.authorization\": op***",
        "span \"lookup 4111 **** **** 1111\" (api-gateway) has a phone number [phone] in link attribute \"customer\":"
            + " +1***",
        "span \"lookup 4111 **** **** 1111\" (api-gateway) has an email address [email] in event \"exception\""
            + " attribute \"exception.message\": j***@e***.org",
        // the stack trace repeats the exception's message
        "span \"lookup 4111 **** **** 1111\" (api-gateway) has an email address [email] in event \"exception\""
            + " attribute \"exception.stacktrace\": j***@e***.org");
  }

  @Test
  void aResourceIsReportedOnTheFirstSpanOfTheTreeAfterThatSpansOwnFindings() {
    try (RealSdk withResource = new RealSdk()) {
      Tracer service = withResource.tracer("ops@example.com");
      Span root = service.spanBuilder("checkout").setAttribute("user.email", "jane.doe@example.com").startSpan();
      try (Scope ignored = root.makeCurrent()) {
        // ends, and is captured, before its parent
        service.spanBuilder("charge").setAttribute("payer.email", "john.roe@example.com").startSpan().end();
      }
      root.end();

      assertThat(new PiiRule().check(withResource.snapshot(), RuleOptions.defaults()))
          .satisfiesExactly(
              f -> assertThat(f.message()).contains("\"checkout\"").contains("in attribute \"user.email\""),
              f -> assertThat(f.message()).contains("\"checkout\"").contains("in resource attribute \"service.name\""),
              f -> assertThat(f.message()).contains("\"charge\"").contains("in attribute \"payer.email\""));
    }
  }

  @Test
  void resourcesFirstMetInOneTraceAreReportedInTheTreeOrderOfTheirFirstSpans() {
    // Each span of TestSpans has a resource of its own: every one is met for the first time.
    TraceForest forest = TraceForest.of(List.of(
        span("leaf", id(3)).parent(id(2)).time(2, 3).service("leaf-ops@example.com").build(),
        span("middle", id(2)).parent(id(1)).time(1, 4).service("middle-ops@example.com").build(),
        span("root", id(1)).time(0, 5).service("root-ops@example.com").build(),
        span("later root", id(4)).trace(TestSpans.OTHER_TRACE_ID).time(6, 7).service("other-ops@example.com").build()));

    assertThat(new PiiRule().check(forest, RuleOptions.defaults()))
        .extracting(f -> f.span().orElseThrow().name())
        .containsExactly("root", "middle", "leaf", "later root");
  }

  @Test
  void allowancesAndDetectorChoice() {
    tracer.spanBuilder("GET /users").setAttribute("enduser.id", "test-user@example.com")
        .setAttribute("server.address", "10.0.0.7").startSpan().end();

    assertThat(check(RuleOptions.defaults().withPiiAllowances(
            List.of(PiiAllowance.of("email", "enduser.*", "*", "test users have synthetic emails")))))
        .isEmpty();
    assertThat(check(RuleOptions.defaults().withPiiAllowances(
            List.of(PiiAllowance.of("email", "*", "GET /orders", "another span")))))
        .hasSize(1);
    assertThat(check(RuleOptions.defaults().withPiiDetectors(List.of(Detectors.IP_ADDRESS))))
        .extracting(Finding::message)
        .containsExactly("span \"GET /users\" (api-gateway) has an IP address [ip-address] in attribute"
            + " \"server.address\": 10***");
  }

  @Test
  void aCredentialHeaderIsOneFindingAboutTheWholeValueWithTheCredentialAdvice() {
    tracer.spanBuilder("GET /cart").setSpanKind(SpanKind.SERVER)
        .setAttribute("http.request.header.cookie", "session=abc123def456")
        .startSpan().end();

    assertThat(check(RuleOptions.defaults()))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.rule()).isEqualTo("pii");
          assertThat(f.span()).get().extracting(n -> n.name()).isEqualTo("GET /cart");
          assertThat(f.message()).isEqualTo("span \"GET /cart\" (api-gateway) has an Authorization header credential"
              + " [authorization] in attribute \"http.request.header.cookie\": se***");
          assertThat(f.likelyCause()).isEqualTo("credentials must never be recorded: stop capturing this header or"
              + " parameter, or redact it before export (e.g. in the Collector)");
        });
  }

  @Test
  void personalDataGetsTheUserDataAdvice() {
    tracer.spanBuilder("POST /signup").setAttribute("user.ssn", "123-45-6789").startSpan().end();

    assertThat(check(RuleOptions.defaults()))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.rule()).isEqualTo("pii");
          assertThat(f.message()).isEqualTo("span \"POST /signup\" (api-gateway) has a US social security number"
              + " [us-ssn] in attribute \"user.ssn\": ***-**-****");
          assertThat(f.likelyCause()).isEqualTo("the instrumentation records user data: drop or hash the attribute,"
              + " or redact it before export (e.g. in the Collector)");
        });
  }

  @Test
  void theKeysOfNumbersAndBooleansAreScannedAndEachTextOfAStringArray() {
    tracer.spanBuilder("import")
        .setAttribute(AttributeKey.longKey("imports.by.ops@example.com"), 3L)
        .setAttribute(AttributeKey.booleanKey("opted.in:jane@example.org"), true)
        .setAttribute(AttributeKey.stringArrayKey("contacts"), List.of("none", "jane.doe@example.com"))
        .startSpan().end();

    assertThat(check(RuleOptions.defaults())).extracting(Finding::message).containsExactlyInAnyOrder(
        "span \"import\" (api-gateway) has an email address [email] in attribute key: i***@e***.com",
        "span \"import\" (api-gateway) has an email address [email] in attribute key: j***@e***.org",
        "span \"import\" (api-gateway) has an email address [email] in attribute \"contacts\": j***@e***.com");
  }

  @Test
  void aSpanAfterOneWithAnEventIsLocatedOnItsOwnNameAndAttributes() {
    Span root = tracer.spanBuilder("root").startSpan();
    Span withEvent = tracer.spanBuilder("load").setParent(Context.root().with(root)).startSpan();
    withEvent.addEvent("retry", Attributes.builder().put("attempt", "2").build());
    tracer.spanBuilder("notify jane.doe@example.com").setParent(Context.root().with(withEvent))
        .setAttribute("user.email", "jane.doe@example.com").startSpan().end();
    withEvent.end();
    root.end();

    assertThat(check(RuleOptions.defaults())).extracting(Finding::message).containsExactlyInAnyOrder(
        "span \"notify j***@e***.com\" (api-gateway) has an email address [email] in span name: j***@e***.com",
        "span \"notify j***@e***.com\" (api-gateway) has an email address [email] in attribute \"user.email\":"
            + " j***@e***.com");
  }

  // --- correct shapes a naive rule would flag -----------------------------------------------

  @Test
  void idsTimestampsHostsAndRedactedValuesAreNotPersonalData() {
    tracer.spanBuilder("GET /orders/{id}").setSpanKind(SpanKind.SERVER)
        .setAttribute("order.id", "123e4567-e89b-12d3-a456-426614174000")
        .setAttribute("order.number", "4111111111111112") // 16 digits that fail the Luhn check
        .setAttribute("event.time", "2026-11-24T10:00:00.123Z")
        .setAttribute("epoch.millis", "1700000000000")
        .setAttribute("trace.parent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .setAttribute("server.address", "orders.default.svc.cluster.local")
        .setAttribute("peer.service", "inventory@inventory.svc")
        .setAttribute("vcs.repository.url.full", "git@github.com:acme/shop.git")
        .setAttribute("url.full", "https://shop.example.com/cb?access_token=REDACTED&page=2")
        .setAttribute("http.request.header.authorization", "****")
        .setAttribute("db.query.text", "SELECT * FROM users WHERE email = ?")
        .setAttribute("build.version", "1.2.3.4")
        // Numbers are not texts: a Luhn-valid card number's digits in a long are not a card number written down.
        .setAttribute("payment.reference", 4111111111111111L)
        .setAttribute(AttributeKey.longArrayKey("payment.references"), List.of(4111111111111111L))
        .startSpan().end();

    assertThat(check(RuleOptions.defaults())).isEmpty();
  }

  @Test
  void anIpAddressIsOnlyFoundWhenItsDetectorIsOn() {
    tracer.spanBuilder("connect").setAttribute("server.address", "10.0.0.7").startSpan().end();

    assertThat(check(RuleOptions.defaults())).isEmpty();
  }
}
