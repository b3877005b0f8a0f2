package io.github.tracecheck.springtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.junit.CapturedTraces;
import io.github.tracecheck.junit.GateMode;
import io.github.tracecheck.junit.TraceCheck;
import io.github.tracecheck.junit.TraceCheckRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The {@code @Async} audit task on an executor without a context-propagating decorator, traced by
 * OpenTelemetry's starter: its {@code @WithSpan} span starts a trace of its own on the task thread.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "checkout.bug=ASYNC_WITHOUT_CONTEXT")
@TraceCheck
class OtelStarterAsyncTest {

  @Value("${local.server.port}") int port;

  @Test
  @TraceCheckRule(name = "orphaned-root", mode = GateMode.OFF) // the finding is asserted below
  void theAuditSpanStartsANewTrace(CapturedTraces traces) throws Exception {
    HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/checkout?sku=sku-42")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(OrphanFindings.of(traces.awaitAllEnded())).containsExactly(OrphanFindings.AUDIT_WITHOUT_CONTEXT);
  }
}
