package io.github.tracecheck.springtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Requests from the test through the JDK's client, which no tracing instruments: the application's
 * server span is the root of its trace.
 */
final class PlainHttp {

  private PlainHttp() {}

  /** The body of {@code GET http://localhost:<port><path>}. */
  static String get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
