package io.github.tracecheck.springtests;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.TraceCheck;
import io.opentelemetry.api.common.AttributeKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The same configuration as {@link CheckoutTracingTest}, so Spring's test-context cache hands this
 * class the same application (and the same OpenTelemetry SDK): its spans still reach this class's
 * tests, and only this test's spans are in its capture.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TraceCheck
class SharedContextTest {

  @Autowired TestRestTemplate http;

  @Test
  void aCachedApplicationStillReportsToTheRunningTest(CapturedTraces traces) {
    http.getForObject("/checkout?sku=sku-7", String.class);

    assertThat(traces.awaitAllEnded()).singleTrace().hasSpanCount(5);
    org.assertj.core.api.Assertions.assertThat(traces.snapshot().spans())
        .filteredOn(span -> span.name().equals("http get"))
        .extracting(span -> span.attribute(AttributeKey.stringKey("http.url")))
        .anySatisfy(url -> org.assertj.core.api.Assertions.assertThat(url).endsWith("/inventory?sku=sku-7"));
  }

  @Test
  void eachTestSeesOnlyItsOwnSpans(CapturedTraces traces) {
    assertThat(traces.snapshot()).isEmpty();
    http.getForObject("/checkout?sku=sku-8", String.class);
    assertThat(traces.awaitAllEnded()).singleTrace().hasSpanCount(5);
  }
}
