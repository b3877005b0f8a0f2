package io.github.tracecheck.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * gRPC interceptors written by hand, as the seed's services do: the client starts a CLIENT span
 * and injects the context into the metadata; the server extracts it and starts a SERVER span.
 */
final class HandWrittenTracing {

  static final TextMapSetter<Metadata> SETTER =
      (metadata, key, value) -> metadata.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), value);
  // An anonymous class, not a lambda: before OpenTelemetry 1.68, keys() had no default.
  static final TextMapGetter<Metadata> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Metadata metadata) {
          return metadata.keys();
        }

        @Override
        public String get(Metadata metadata, String key) {
          return metadata == null ? null : metadata.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
        }
      };

  private HandWrittenTracing() {}

  /**
   * @param injectBeforeStartingTheSpan the mistake: inject the caller's context, not the client span's
   */
  static ClientInterceptor client(OpenTelemetry openTelemetry, boolean injectBeforeStartingTheSpan) {
    return new ClientInterceptor() {
      @Override
      public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
          MethodDescriptor<ReqT, RespT> method, CallOptions options, Channel next) {
        Context caller = Context.current();
        Span span = openTelemetry.getTracer("hand-written").spanBuilder(method.getFullMethodName())
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("rpc.system", "grpc")
            .setAttribute("rpc.service", method.getServiceName())
            .setAttribute("rpc.method", method.getBareMethodName())
            .startSpan();
        Context injected = injectBeforeStartingTheSpan ? caller : caller.with(span);
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
          @Override
          public void start(Listener<RespT> listener, Metadata headers) {
            openTelemetry.getPropagators().getTextMapPropagator().inject(injected, headers, SETTER);
            super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
              @Override
              public void onClose(Status status, Metadata trailers) {
                span.setAttribute("rpc.grpc.status_code", (long) status.getCode().value());
                span.end();
                super.onClose(status, trailers);
              }
            }, headers);
          }
        };
      }
    };
  }

  static ServerInterceptor server(OpenTelemetry openTelemetry) {
    return new ServerInterceptor() {
      @Override
      public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
          ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        Context parent = openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), headers, GETTER);
        MethodDescriptor<ReqT, RespT> method = call.getMethodDescriptor();
        Span span = openTelemetry.getTracer("hand-written").spanBuilder(method.getFullMethodName())
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("rpc.system", "grpc")
            .setAttribute("rpc.service", method.getServiceName())
            .setAttribute("rpc.method", method.getBareMethodName())
            .startSpan();
        ServerCall<ReqT, RespT> ending = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            span.setAttribute("rpc.grpc.status_code", (long) status.getCode().value());
            span.end();
            super.close(status, trailers);
          }
        };
        try (Scope ignored = parent.with(span).makeCurrent()) {
          return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(ending, headers)) {};
        }
      }
    };
  }
}
