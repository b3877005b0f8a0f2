package io.github.tracecheck.samples.checkout;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.okhttp.v3_0.OkHttpTelemetry;
import java.io.IOException;
import java.net.URI;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The client of the seed's diagram: a storefront posting checkouts with OkHttp, traced by OpenTelemetry's OkHttp instrumentation. */
final class Storefront {

  private final Call.Factory http;
  private final URI gateway;

  Storefront(OpenTelemetry openTelemetry, URI gateway) {
    this.http = OkHttpTelemetry.create(openTelemetry).createCallFactory(new OkHttpClient());
    this.gateway = gateway;
  }

  /** Posts a checkout and returns the HTTP status. */
  int checkout(String user, String email, String sku) throws IOException {
    FormBody form = new FormBody.Builder()
        .add("user", user).add("email", email).add("sku", sku).add("token", "tok_" + user + "_4f9a2c71d3e8b605")
        .build();
    Request request = new Request.Builder().url(gateway.resolve("/checkout").toURL()).post(form).build();
    try (Response response = http.newCall(request).execute()) {
      return response.code();
    }
  }
}
