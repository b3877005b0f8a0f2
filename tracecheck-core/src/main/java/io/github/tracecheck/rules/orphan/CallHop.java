package io.github.tracecheck.rules.orphan;

import static io.github.tracecheck.rules.internal.SpanDescriptions.describe;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.semconv.HttpAttributes;
import io.github.tracecheck.semconv.RpcAttributes;
import io.opentelemetry.api.trace.SpanKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The server/client call hop: a SERVER root is an orphan when a CLIENT span for the same RPC service
 * and method, or the same HTTP method and path, was in flight when it started; or, with no such
 * client span, when a span of another service was in flight when it started and did not end before
 * it, give or take the server's own tail (a call made without tracing). A SERVER root with neither is
 * an entry point: its caller is not in the capture. Kept apart from the other hops because it matches calls by RPC and HTTP attributes and
 * speaks of request headers and interceptors.
 */
final class CallHop {

  private final Map<CallKey, SpansInTime> clientsByCall;
  private final SpansInTime allSpans;
  private final RouteMatcher routes = new RouteMatcher();

  /** The hop, given the CLIENT spans by call key ({@link HopIndexes#clientsByCall}) and every span. */
  CallHop(Map<CallKey, SpansInTime> clientsByCall, SpansInTime allSpans) {
    this.clientsByCall = clientsByCall;
    this.allSpans = allSpans;
  }

  /**
   * gRPC's server instrumentation ends its span after the response was delivered, so the caller may
   * end first: by this much at least, and by up to a quarter of the server span's duration.
   */
  private static final long SERVER_TAIL_NANOS = 2_000_000;

  /** The orphan when this SERVER root lost its caller's context; empty when its caller is not in the capture. */
  Optional<Orphan> orphan(SpanNode server) {
    SpanNode client = clientFor(server);
    if (client == null) {
      return uninstrumentedCall(server);
    }
    return Optional.of(new Orphan(
        server,
        List.of(client),
        "server span " + describe(server) + " started a new trace, but client span "
            + describe(client) + " was calling " + callDescription(client) + " at that time in trace "
            + client.traceId() + ": the hop " + describe(client) + " -> " + describe(server)
            + " is broken",
        "the client call was not instrumented or did not inject traceparent into the request"
            + " (for gRPC: no client interceptor), or the server did not extract it"));
  }

  /**
   * A SERVER root with no client span to blame, that ran inside a span of another service in another
   * trace: that service called it without tracing the call. Work of the same service (two requests
   * in flight) is never blamed, nor a span that ended well before the server span did (two
   * independent requests that overlap).
   */
  private Optional<Orphan> uninstrumentedCall(SpanNode server) {
    SpanNode caller = enclosingSpanOfAnotherService(server);
    if (caller == null) {
      return Optional.empty();
    }
    String what = RpcAttributes.service(server) != null ? "gRPC" : "HTTP";
    return Optional.of(new Orphan(
        server,
        List.of(caller),
        "server span " + describe(server) + " started a new trace while span " + describe(caller) + " in trace "
            + caller.traceId() + " was in progress, and no client span calls it: the hop from "
            + (caller.serviceName().isEmpty() ? "the caller" : "\"" + caller.serviceName() + "\"") + " -> "
            + describe(server) + " is broken",
        what.equals("gRPC")
            ? "the gRPC call was made without tracing, so no traceparent was sent (no client interceptor on the channel)"
            : LikelyCause.forUntracedHttpCall(caller)));
  }

  private static String callDescription(SpanNode client) {
    String rpcService = RpcAttributes.service(client);
    if (rpcService != null) {
      String system = RpcAttributes.system(client);
      return (system == null ? "" : system + " ") + rpcService + "/" + RpcAttributes.method(client);
    }
    String path = HttpAttributes.clientPath(client);
    return HttpAttributes.method(client) + (path == null ? "" : " " + path);
  }

  /**
   * The client call in flight when the server span started, for the same RPC or HTTP request;
   * calls whose server side is already connected come last.
   */
  private SpanNode clientFor(SpanNode server) {
    CallKey call = callKey(server);
    SpansInTime clients = call == null ? null : clientsByCall.get(call);
    if (clients == null) {
      return null;
    }
    Predicate<SpanNode> samePath = RpcAttributes.service(server) != null ? client -> true : routes.samePathAs(server);
    long start = server.startEpochNanos();
    SpanNode unconnected = clients.latestInFlightAt(start, client -> !hasServerChild(client) && samePath.test(client));
    return unconnected != null ? unconnected : clients.latestInFlightAt(start, samePath);
  }

  private static boolean hasServerChild(SpanNode client) {
    List<SpanNode> children = client.children();
    for (int i = 0; i < children.size(); i++) {
      if (children.get(i).kind() == SpanKind.SERVER) {
        return true;
      }
    }
    return false;
  }

  /**
   * The innermost span of another service, in another trace, in flight when the server span started
   * and ending no earlier than the server's tail: scanning backwards by start, the first such span is
   * the innermost.
   */
  private SpanNode enclosingSpanOfAnotherService(SpanNode server) {
    long start = server.startEpochNanos();
    long tail = Math.max(SERVER_TAIL_NANOS, server.durationNanos() / 4);
    // in flight at the start, and ending no earlier than the tail
    return allSpans.latestRunningThrough(start, Math.max(start, server.endEpochNanos() - tail),
        candidate -> candidate.trace() != server.trace() && !candidate.serviceName().equals(server.serviceName()));
  }

  /**
   * What a client call and its server span share: RPC system, service and method, else the HTTP
   * method (the other parts null). A record of the values the span holds rather than a string made
   * of them: a key per CLIENT span costs no concatenation, and its hash is that of strings whose hash
   * is kept.
   */
  record CallKey(boolean rpc, String system, String service, String method) {}

  /** The span's call key; null when it records neither an RPC service nor an HTTP method. */
  static CallKey callKey(SpanNode node) {
    return callKey(node, null);
  }

  /**
   * The span's call key, an HTTP method's taken from {@code httpKeys} and added to it when it is
   * given: the index of a check's clients makes one key per method, not one per client.
   */
  static CallKey callKey(SpanNode node, Map<String, CallKey> httpKeys) {
    String service = RpcAttributes.service(node);
    if (service != null) {
      return new CallKey(true, Objects.toString(RpcAttributes.system(node)), service, Objects.toString(RpcAttributes.method(node)));
    }
    String method = HttpAttributes.method(node);
    if (method == null) {
      return null;
    }
    return httpKeys == null ? httpKey(method) : httpKeys.computeIfAbsent(method, CallHop::httpKey);
  }

  private static CallKey httpKey(String method) {
    return new CallKey(false, null, null, method);
  }
}
