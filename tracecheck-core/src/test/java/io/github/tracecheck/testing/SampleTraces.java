package io.github.tracecheck.testing;

import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;

import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.util.List;

/** Traces shaped like the checkout system, with fixed ids and times for exact messages. */
public final class SampleTraces {

  private SampleTraces() {}

  /**
   * POST /checkout (api-gateway) -> gRPC auth call -> auth-service server span, and -> orders
   * publish -> orders process (order-worker, ERROR "boom"). Span ids 1 to 5 in that order.
   */
  public static TraceForest checkout() {
    return TraceForest.of(
        List.of(
            span("POST /checkout", id(1)).kind(SpanKind.SERVER).service("api-gateway")
                .attr("http.request.method", "POST").attr("http.route", "/checkout")
                .attr("http.response.status_code", 202L).time(0, 40).build(),
            span("auth.Auth/Validate", id(2)).kind(SpanKind.CLIENT).service("api-gateway").parent(id(1))
                .attr("rpc.system", "grpc").attr("rpc.service", "auth.Auth").attr("rpc.method", "Validate")
                .time(2, 10).build(),
            span("auth.Auth/Validate", id(3)).kind(SpanKind.SERVER).service("auth-service").remoteParent(id(2))
                .attr("rpc.system", "grpc").attr("rpc.grpc.status_code", 0L).time(3, 9).build(),
            span("orders publish", id(4)).kind(SpanKind.PRODUCER).service("api-gateway").parent(id(1))
                .attr("messaging.system", "kafka").attr("messaging.destination.name", "orders")
                .attr("messaging.operation.type", "send").time(12, 14).build(),
            span("orders process", id(5)).kind(SpanKind.CONSUMER).service("order-worker").remoteParent(id(4))
                .attr("messaging.system", "kafka").status(StatusCode.ERROR, "boom").time(20, 35).build()));
  }

  private static final String[] CHECKOUT_LINES = {
    "POST /checkout [SERVER] api-gateway {http.request.method=POST, http.route=/checkout,"
        + " http.response.status_code=202} 40.0 ms",
    "|-- auth.Auth/Validate [CLIENT] api-gateway {rpc.system=grpc, rpc.service=auth.Auth,"
        + " rpc.method=Validate} 8.0 ms",
    "|   `-- auth.Auth/Validate [SERVER] auth-service {rpc.system=grpc, rpc.grpc.status_code=0}"
        + " (remote parent) 6.0 ms",
    "`-- orders publish [PRODUCER] api-gateway {messaging.system=kafka,"
        + " messaging.destination.name=orders, messaging.operation.type=send} 2.0 ms",
    "    `-- orders process [CONSUMER] order-worker {messaging.system=kafka} status=ERROR(\"boom\")"
        + " (remote parent) 15.0 ms"
  };

  /** The label of span {@code n} (1 to 5) of {@link #checkout()}, as failure messages print it. */
  public static String checkoutLabel(int n) {
    String line = CHECKOUT_LINES[n - 1];
    int start = line.indexOf("-- ");
    return start < 0 ? line : line.substring(start + 3);
  }

  /** The drawn tree of {@link #checkout()}, written out by hand, with spans {@code marked} (1 to 5). */
  public static String checkoutTree(int... marked) {
    StringBuilder out = new StringBuilder("trace 0af7651916cd43dd8448eb211c80319c (5 spans)");
    for (int i = 1; i <= CHECKOUT_LINES.length; i++) {
      boolean mark = false;
      for (int m : marked) {
        mark |= m == i;
      }
      out.append('\n').append(mark ? ">> " : "   ").append(CHECKOUT_LINES[i - 1]);
    }
    return out.toString();
  }
}
