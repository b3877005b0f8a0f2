package io.github.tracecheck.rules;

import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.testing.RealSdk;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MissingErrorStatusRuleTest {

  private final RealSdk sdk = new RealSdk();
  private final Tracer tracer = sdk.tracer("svc");

  @AfterEach
  void close() {
    sdk.close();
  }

  private List<Finding> spanWith(SpanKind kind, Consumer<Span> instrumentation) {
    SpanBuilder builder = tracer.spanBuilder("operation").setSpanKind(kind);
    Span span = builder.startSpan();
    instrumentation.accept(span);
    span.end();
    return new MissingErrorStatusRule().check(sdk.snapshot(), RuleOptions.defaults());
  }

  @Test
  void findingsComeInTreeOrderWhateverOrderTheSpansWereCapturedIn() {
    // As an SDK exports them: children end, and are captured, before their parent.
    TraceForest forest = TraceForest.of(List.of(
        span("second", id(3)).parent(id(1)).time(20, 30).attr("error.type", "timeout").build(),
        span("first", id(2)).parent(id(1)).time(10, 20).attr("error.type", "timeout").build(),
        span("root", id(1)).time(0, 40).attr("error.type", "timeout").build()));

    assertThat(new MissingErrorStatusRule().check(forest, RuleOptions.defaults()))
        .extracting(finding -> finding.span().orElseThrow().name())
        .containsExactly("root", "first", "second");
  }

  static Stream<Arguments> failuresWithoutErrorStatus() {
    return Stream.of(
        Arguments.of("exception recorded", SpanKind.INTERNAL,
            (Consumer<Span>) s -> s.recordException(new IllegalStateException("out of stock")),
            "recorded exception java.lang.IllegalStateException: \"out of stock\", but its status is UNSET"),
        Arguments.of("HTTP server 500", SpanKind.SERVER,
            (Consumer<Span>) s -> s.setAttribute("http.response.status_code", 500L),
            "is an HTTP server span that answered 500, but its status is UNSET"),
        Arguments.of("HTTP server 503, old attribute name", SpanKind.SERVER,
            (Consumer<Span>) s -> s.setAttribute("http.status_code", 503L),
            "is an HTTP server span that answered 503, but its status is UNSET"),
        Arguments.of("HTTP client 404", SpanKind.CLIENT,
            (Consumer<Span>) s -> s.setAttribute("http.response.status_code", 404L),
            "is an HTTP client span that received 404, but its status is UNSET"),
        Arguments.of("gRPC client DEADLINE_EXCEEDED as a number", SpanKind.CLIENT,
            (Consumer<Span>) s -> s.setAttribute("rpc.system", "grpc").setAttribute("rpc.grpc.status_code", 4L),
            "is a gRPC client span that received DEADLINE_EXCEEDED, but its status is UNSET"),
        Arguments.of("gRPC client NOT_FOUND as a name", SpanKind.CLIENT,
            (Consumer<Span>) s -> s.setAttribute("rpc.system", "grpc").setAttribute("rpc.response.status_code", "NOT_FOUND"),
            "is a gRPC client span that received NOT_FOUND, but its status is UNSET"),
        Arguments.of("gRPC server UNAVAILABLE", SpanKind.SERVER,
            (Consumer<Span>) s -> s.setAttribute("rpc.system", "grpc").setAttribute("rpc.grpc.status_code", 14L),
            "is a gRPC server span that answered UNAVAILABLE, but its status is UNSET"),
        Arguments.of("error.type with status OK", SpanKind.INTERNAL,
            (Consumer<Span>) s -> s.setAttribute("error.type", "timeout").setStatus(StatusCode.OK),
            "has error.type \"timeout\", but its status is OK"),
        Arguments.of("gRPC client NOT_FOUND as a number", SpanKind.CLIENT,
            (Consumer<Span>) s -> s.setAttribute("rpc.system", "grpc").setAttribute("rpc.grpc.status_code", 5L),
            "is a gRPC client span that received NOT_FOUND, but its status is UNSET"),
        // Micrometer's Spring observations write method, status (a string), outcome, uri and http.url.
        Arguments.of("Micrometer HTTP server 500", SpanKind.SERVER,
            micrometer("500", "SERVER_ERROR"),
            "is an HTTP server span that answered 500, but its status is UNSET"),
        Arguments.of("Micrometer HTTP client 404", SpanKind.CLIENT,
            micrometer("404", "CLIENT_ERROR"),
            "is an HTTP client span that received 404, but its status is UNSET"),
        Arguments.of("Micrometer HTTP client 503", SpanKind.CLIENT,
            micrometer("503", "SERVER_ERROR"),
            "is an HTTP client span that received 503, but its status is UNSET"),
        Arguments.of("an HTTP status on an INTERNAL span is no response, but its error.type counts", SpanKind.INTERNAL,
            (Consumer<Span>) s -> s.setAttribute("http.response.status_code", 500L).setAttribute("error.type", "boom"),
            "has error.type \"boom\", but its status is UNSET"),
        Arguments.of("exception masked in the message", SpanKind.INTERNAL,
            (Consumer<Span>) s -> s.recordException(new IllegalArgumentException("no user jane.doe@example.com")),
            "recorded exception java.lang.IllegalArgumentException: \"no user j***@e***.com\", but its status is UNSET"));
  }

  /** The attributes Micrometer's default HTTP server and client observation conventions write. */
  private static Consumer<Span> micrometer(String status, String outcome) {
    return s -> s.setAttribute("method", "GET").setAttribute("status", status).setAttribute("outcome", outcome)
        .setAttribute("uri", "/orders/{id}").setAttribute("http.url", "/orders/42")
        .setAttribute("exception", "none");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failuresWithoutErrorStatus")
  void flagsFailureWithoutErrorStatus(String name, SpanKind kind, Consumer<Span> instrumentation, String expected) {
    assertThat(spanWith(kind, instrumentation))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.rule()).isEqualTo("missing-error-status");
          assertThat(f.span()).get().extracting(n -> n.name()).isEqualTo("operation");
          assertThat(f.message()).isEqualTo("span \"operation\" (svc) " + expected);
        });
  }

  static Stream<Arguments> correctSpans() {
    return Stream.of(
        Arguments.of("exception with ERROR status", SpanKind.INTERNAL,
            (Consumer<Span>) s -> s.recordException(new IllegalStateException("x")).setStatus(StatusCode.ERROR)),
        Arguments.of("HTTP server 404 leaves status unset", SpanKind.SERVER,
            (Consumer<Span>) s -> s.setAttribute("http.response.status_code", 404L)),
        Arguments.of("HTTP server 404 with error.type", SpanKind.SERVER,
            (Consumer<Span>) s -> s.setAttribute("http.response.status_code", 404L).setAttribute("error.type", "404")),
        Arguments.of("HTTP client 200", SpanKind.CLIENT,
            (Consumer<Span>) s -> s.setAttribute("http.response.status_code", 200L)),
        Arguments.of("gRPC server NOT_FOUND is the client's problem", SpanKind.SERVER,
            (Consumer<Span>) s -> s.setAttribute("rpc.system", "grpc").setAttribute("rpc.grpc.status_code", 5L)),
        Arguments.of("gRPC client OK", SpanKind.CLIENT,
            (Consumer<Span>) s -> s.setAttribute("rpc.system", "grpc").setAttribute("rpc.response.status_code", "OK")),
        Arguments.of("HTTP server 500 with ERROR", SpanKind.SERVER,
            (Consumer<Span>) s -> s.setAttribute("http.response.status_code", 500L).setStatus(StatusCode.ERROR)),
        Arguments.of("gRPC server NOT_FOUND as a name", SpanKind.SERVER,
            (Consumer<Span>) s -> s.setAttribute("rpc.system", "grpc").setAttribute("rpc.response.status_code", "NOT_FOUND")),
        Arguments.of("gRPC server INVALID_ARGUMENT", SpanKind.SERVER,
            (Consumer<Span>) s -> s.setAttribute("rpc.system", "grpc").setAttribute("rpc.grpc.status_code", 3L)),
        Arguments.of("Micrometer HTTP server 404 leaves status unset", SpanKind.SERVER,
            micrometer("404", "CLIENT_ERROR")),
        Arguments.of("Micrometer HTTP server 200", SpanKind.SERVER,
            micrometer("200", "SUCCESS")),
        Arguments.of("Micrometer HTTP server 500 with ERROR", SpanKind.SERVER,
            micrometer("500", "SERVER_ERROR").andThen(s -> s.setStatus(StatusCode.ERROR))),
        Arguments.of("a status attribute without Micrometer's outcome is not an HTTP status", SpanKind.SERVER,
            (Consumer<Span>) s -> s.setAttribute("status", "500")),
        Arguments.of("a status code number on a span that is not gRPC", SpanKind.CLIENT,
            (Consumer<Span>) s -> s.setAttribute("rpc.system", "jsonrpc").setAttribute("rpc.grpc.status_code", 14L)),
        Arguments.of("an HTTP 500 on a PRODUCER span is no response", SpanKind.PRODUCER,
            (Consumer<Span>) s -> s.setAttribute("http.response.status_code", 500L)),
        Arguments.of("a gRPC UNAVAILABLE on an INTERNAL span is no call", SpanKind.INTERNAL,
            (Consumer<Span>) s -> s.setAttribute("rpc.system", "grpc").setAttribute("rpc.grpc.status_code", 14L)),
        Arguments.of("HTTP client 3xx redirect", SpanKind.CLIENT,
            (Consumer<Span>) s -> s.setAttribute("http.response.status_code", 302L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("correctSpans")
  void acceptsCorrectSpans(String name, SpanKind kind, Consumer<Span> instrumentation) {
    assertThat(spanWith(kind, instrumentation)).isEmpty();
  }

  @Test
  void likelyCauseOfAnExceptionExplainsRecordException() {
    assertThat(spanWith(SpanKind.INTERNAL, s -> s.recordException(new RuntimeException("x"))))
        .singleElement()
        .extracting(Finding::likelyCause)
        .isEqualTo("recordException() adds an event but does not set the status: also call"
            + " span.setStatus(StatusCode.ERROR)");
  }
}
