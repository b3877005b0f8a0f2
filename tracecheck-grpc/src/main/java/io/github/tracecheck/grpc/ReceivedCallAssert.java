package io.github.tracecheck.grpc;

import io.github.tracecheck.assertj.AbstractWireContextAssert;
import java.util.ArrayList;
import java.util.List;

/**
 * Assertions on the trace context a gRPC call carried in its metadata: the wire checks every
 * protocol shares ({@link AbstractWireContextAssert}).
 *
 * <pre>{@code
 * GrpcAssertions.assertThat(probe.lastCall()).hasValidTraceparent().continuesSpan(clientSpan);
 * }</pre>
 */
public class ReceivedCallAssert extends AbstractWireContextAssert<ReceivedCallAssert, MetadataProbe.ReceivedCall> {

  public ReceivedCallAssert(MetadataProbe.ReceivedCall actual) {
    super(actual, ReceivedCallAssert.class);
  }

  @Override
  protected String header(String name) {
    return actual.get(name);
  }

  @Override
  protected List<String> headerNames() {
    return new ArrayList<>(actual.metadata().keySet());
  }

  @Override
  protected String carrier() {
    return "gRPC call " + actual.fullMethodName();
  }

  @Override
  protected String entries() {
    return "Metadata";
  }
}
