package io.github.tracecheck.http;

import io.github.tracecheck.model.TraceForest;

/** Entry point for the HTTP assertions: what a request carried, and the hop in the traces. */
public final class HttpAssertions {

  private HttpAssertions() {}

  public static RecordedRequestAssert assertThat(RecordingHttpServer.RecordedRequest request) {
    return new RecordedRequestAssert(request);
  }

  /** The hop of requests with this method to this path: CLIENT and SERVER spans. */
  public static HttpHopAssert assertThatHttpHop(TraceForest forest, String method, String path) {
    return new HttpHopAssert(forest, method, path);
  }
}
