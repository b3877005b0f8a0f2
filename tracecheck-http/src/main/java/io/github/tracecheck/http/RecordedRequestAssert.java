package io.github.tracecheck.http;

import io.github.tracecheck.assertj.AbstractWireContextAssert;
import java.util.ArrayList;
import java.util.List;

/**
 * Assertions on the trace context an HTTP request carried in its headers: the wire checks every
 * protocol shares ({@link AbstractWireContextAssert}).
 *
 * <pre>{@code
 * HttpAssertions.assertThat(server.lastRequest()).hasValidTraceparent().continuesSpan(clientSpan);
 * }</pre>
 */
public class RecordedRequestAssert
    extends AbstractWireContextAssert<RecordedRequestAssert, RecordingHttpServer.RecordedRequest> {

  public RecordedRequestAssert(RecordingHttpServer.RecordedRequest actual) {
    super(actual, RecordedRequestAssert.class);
  }

  /**
   * The request carried valid W3C trace context: traceparent, and tracestate and baggage if present.
   *
   * @deprecated the same checks are {@link #hasValidTraceparent()}, {@link #hasValidTracestate()} and
   *     {@link #hasValidBaggage()}, named alike for every protocol
   */
  @Deprecated
  public RecordedRequestAssert hasValidTraceContext() {
    return hasValidTraceparent().hasValidTracestate().hasValidBaggage();
  }

  @Override
  protected String header(String name) {
    return actual.header(name);
  }

  @Override
  protected List<String> headerNames() {
    return new ArrayList<>(actual.headers().keySet());
  }

  @Override
  protected String carrier() {
    return "request " + actual.method() + " " + actual.path();
  }
}
