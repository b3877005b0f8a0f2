package io.github.tracecheck.grpc;

import io.github.tracecheck.assertj.Hops;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.render.TraceTreeRenderer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one gRPC hop: the CLIENT and SERVER spans of an RPC, matched by {@code rpc.service}
 * and {@code rpc.method}.
 */
public class GrpcHopAssert extends AbstractAssert<GrpcHopAssert, TraceForest> {

  private final String service;
  private final String method;

  public GrpcHopAssert(TraceForest actual, String service, String method) {
    super(actual, GrpcHopAssert.class);
    this.service = service;
    this.method = method;
  }

  /** The RPC has a CLIENT span and a SERVER span. */
  public GrpcHopAssert exists() {
    isNotNull();
    if (spans(SpanKind.CLIENT).isEmpty() || spans(SpanKind.SERVER).isEmpty()) {
      fail("a CLIENT and a SERVER span", spans(SpanKind.CLIENT).size() + " CLIENT and " + spans(SpanKind.SERVER).size()
          + " SERVER span(s)", List.of());
    }
    return myself;
  }

  /** Every SERVER span of the RPC is a child of one of its CLIENT spans, through extracted (remote) context. */
  public GrpcHopAssert serverIsRemoteChildOfClient() {
    exists();
    List<SpanNode> clients = spans(SpanKind.CLIENT);
    List<SpanNode> broken = Hops.serversNotContinuingClients(clients, spans(SpanKind.SERVER));
    if (!broken.isEmpty()) {
      List<SpanNode> marked = new ArrayList<>(broken);
      marked.addAll(clients);
      fail("every SERVER span a remote child of a CLIENT span",
          broken.size() + " SERVER span(s) that are not (marked, with the CLIENT spans)", marked);
    }
    return myself;
  }

  /** Both sides record the status code ({@code rpc.grpc.status_code} or {@code rpc.response.status_code}). */
  public GrpcHopAssert recordsStatusCodes() {
    exists();
    List<SpanNode> missing = new ArrayList<>();
    List<SpanNode> all = new ArrayList<>(spans(SpanKind.CLIENT));
    all.addAll(spans(SpanKind.SERVER));
    for (SpanNode span : all) {
      if (span.attribute(AttributeKey.longKey("rpc.grpc.status_code")) == null
          && span.attribute(AttributeKey.stringKey("rpc.response.status_code")) == null) {
        missing.add(span);
      }
    }
    if (!missing.isEmpty()) {
      fail("a status code on both sides", missing.size() + " span(s) without one (marked)", missing);
    }
    return myself;
  }

  private List<SpanNode> spans(SpanKind kind) {
    List<SpanNode> found = new ArrayList<>();
    for (SpanNode span : actual.spans()) {
      if (span.kind() == kind && service.equals(span.attribute(AttributeKey.stringKey("rpc.service")))
          && method.equals(span.attribute(AttributeKey.stringKey("rpc.method")))) {
        found.add(span);
      }
    }
    return found;
  }

  private void fail(String expected, String found, List<SpanNode> marked) {
    failWithMessage("%nExpecting the gRPC hop %s/%s to have:%n  %s%nbut found:%n  %s%n%s",
        service, method, expected, found, TraceTreeRenderer.create().render(actual, marked));
  }
}
