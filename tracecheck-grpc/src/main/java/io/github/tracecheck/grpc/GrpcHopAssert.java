package io.github.tracecheck.grpc;

import io.github.tracecheck.assertj.AbstractHopAssert;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.semconv.RpcAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Assertions on one gRPC hop: the CLIENT and SERVER spans of an RPC, matched by {@code rpc.service}
 * and {@code rpc.method} through {@link RpcAttributes}. The checks are those of every hop ({@link
 * AbstractHopAssert}).
 *
 * <pre>{@code
 * GrpcAssertions.assertThatGrpcHop(forest, "shop.Inventory", "Reserve").isRemoteChildOfSender().hasProtocolAttributes();
 * }</pre>
 */
public class GrpcHopAssert extends AbstractHopAssert<GrpcHopAssert> {

  private final String service;
  private final String method;

  public GrpcHopAssert(TraceForest actual, String service, String method) {
    super(actual, GrpcHopAssert.class);
    this.service = service;
    this.method = method;
  }

  /**
   * Every SERVER span of the RPC is a child of one of its CLIENT spans, through extracted (remote) context.
   *
   * @deprecated the same check is {@link #isRemoteChildOfSender()}, named alike for every protocol
   */
  @Deprecated
  public GrpcHopAssert serverIsRemoteChildOfClient() {
    return isRemoteChildOfSender();
  }

  /**
   * Both sides record the status code.
   *
   * @deprecated use {@link #hasProtocolAttributes()}, named alike for every protocol, which also
   *     requires {@code rpc.system=grpc} on both sides
   */
  @Deprecated
  public GrpcHopAssert recordsStatusCodes() {
    return hasProtocolAttributes();
  }

  @Override
  protected String hop() {
    return "the gRPC hop " + service + "/" + method;
  }

  @Override
  protected boolean isPartOfHop(SpanNode span) {
    return service.equals(RpcAttributes.service(span)) && method.equals(RpcAttributes.method(span));
  }

  @Override
  protected String protocolAttributes() {
    return "rpc.system=grpc and a status code (rpc.response.status_code or rpc.grpc.status_code) on both sides";
  }

  /** The service and method are how the hop's spans are found; the system and the status must be there too. */
  @Override
  protected List<String> missingProtocolAttributes(SpanNode span) {
    List<String> missing = new ArrayList<>();
    if (!"grpc".equals(RpcAttributes.system(span))) {
      missing.add("rpc.system=grpc");
    }
    if (!RpcAttributes.hasStatusCode(span)) {
      missing.add("a status code");
    }
    return missing;
  }
}
