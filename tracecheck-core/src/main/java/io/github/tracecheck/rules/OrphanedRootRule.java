package io.github.tracecheck.rules;

import io.github.tracecheck.semconv.HttpAttributes;
import io.github.tracecheck.semconv.MessagingAttributes;
import io.github.tracecheck.semconv.RpcAttributes;
import io.github.tracecheck.semconv.ThreadAttributes;
import static io.github.tracecheck.rules.SpanDescriptions.describe;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.trace.SpanKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds root spans that should have continued a trace: a hop where context was lost. A root is
 * only flagged when its likely cause is visible in the same capture, so that independent requests
 * (two calls from an uninstrumented test client) are not flagged:
 *
 * <ul>
 *   <li>a CONSUMER root, and a PRODUCER for the same messaging system and destination that started
 *       before it (unless the consumer links to a producer and links count as connected);
 *   <li>a SERVER root, and a CLIENT span for the same RPC service and method, or the same HTTP
 *       method and path, that was in flight when the server span started; or, with no such client
 *       span, a span of another service that ran around the whole server span (an uninstrumented
 *       call);
 *   <li>any other root started on one thread while a span was open on another thread (or, failing
 *       that, after one had run there): work handed to a pool without the submitter's context.
 * </ul>
 */
public final class OrphanedRootRule implements Rule {

  public static final String NAME = "orphaned-root";

  public static final RuleInfo INFO =
      RuleInfo.of(NAME, "a root span that should have continued a trace: a hop lost the context", RuleMode.FAIL)
          .withConventions(
              "messaging: a process span has the message's creation context as parent, or links to it",
              "messaging.system, messaging.destination.name (messaging.destination)",
              "rpc.system, rpc.service, rpc.method",
              "http.request.method (http.method), url.full (http.url), url.path (http.target), http.route");

  /** Bounds the backward scan for an open span on another thread, so hostile input stays linear. */
  private static final int MAX_SPANS_SCANNED_PER_ORPHAN = 10_000;

  private static final Pattern ROUTE_PARAMETER = Pattern.compile("\\{[^/}]*}|:[^/]+|\\*");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(TraceForest forest, RuleOptions options) {
    Causes causes = new Causes(forest);
    List<Finding> findings = new ArrayList<>();
    for (Trace trace : forest.traces()) {
      for (SpanNode root : trace.roots()) {
        if (root.hasParentSpanId()) {
          continue; // a missing parent is the dangling-parent rule's business
        }
        Finding finding;
        switch (root.kind()) {
          case CONSUMER:
            finding = orphanedConsumer(root, causes, options);
            break;
          case SERVER:
            finding = orphanedServer(root, causes);
            break;
          default:
            finding = orphanedOnAnotherThread(root, forest, causes);
        }
        if (finding != null) {
          findings.add(finding);
        }
      }
    }
    return findings;
  }

  private static Finding orphanedConsumer(SpanNode consumer, Causes causes, RuleOptions options) {
    if (options.linksConnect() && !consumer.links().isEmpty()) {
      return null; // connected by link, as the messaging conventions allow
    }
    String system = MessagingAttributes.system(consumer);
    String destination = MessagingAttributes.destination(consumer);
    SpanNode producer = causes.producerFor(system, destination, consumer);
    if (producer == null) {
      return null;
    }
    boolean kafka = "kafka".equals(system);
    String what =
        kafka
            ? "Kafka topic \"" + destination + "\""
            : (system == null ? "" : system + " ") + "destination \"" + destination + "\"";
    String carrier = kafka ? "the Kafka record headers (traceparent)" : "the message headers";
    return Finding.about(
        NAME,
        consumer,
        List.of(producer),
        "consumer span " + describe(consumer) + " started a new trace, but producer span "
            + describe(producer) + " sent to " + what + " in trace " + producer.traceId()
            + ": the hop " + describe(producer) + " -> " + describe(consumer) + " is broken",
        "the consumer did not extract the context from " + carrier + ", or the producer did not"
            + " inject it"
            + (options.linksConnect() ? "; a consumer may also link to the producer's context" : ""));
  }

  private static Finding orphanedServer(SpanNode server, Causes causes) {
    SpanNode client = causes.clientFor(server);
    if (client == null) {
      return uninstrumentedCall(server, causes);
    }
    return Finding.about(
        NAME,
        server,
        List.of(client),
        "server span " + describe(server) + " started a new trace, but client span "
            + describe(client) + " was calling " + callDescription(client) + " at that time in trace "
            + client.traceId() + ": the hop " + describe(client) + " -> " + describe(server)
            + " is broken",
        "the client call was not instrumented or did not inject traceparent into the request"
            + " (for gRPC: no client interceptor), or the server did not extract it");
  }

  /**
   * A SERVER root with no client span to blame, that ran entirely inside a span of another service
   * in another trace: that service called it without tracing the call. Work of the same service
   * (two requests in flight) is never blamed.
   */
  private static Finding uninstrumentedCall(SpanNode server, Causes causes) {
    SpanNode caller = causes.enclosingSpanOfAnotherService(server);
    if (caller == null) {
      return null;
    }
    String what = RpcAttributes.service(server) != null ? "gRPC" : "HTTP";
    return Finding.about(
        NAME,
        server,
        List.of(caller),
        "server span " + describe(server) + " started a new trace while span " + describe(caller) + " in trace "
            + caller.traceId() + " was in progress, and no client span calls it: the hop from "
            + (caller.serviceName().isEmpty() ? "the caller" : "\"" + caller.serviceName() + "\"") + " -> "
            + describe(server) + " is broken",
        "the " + what + " call was made without tracing, so no traceparent was sent"
            + (what.equals("gRPC") ? " (no client interceptor on the channel)" : " (an uninstrumented client)"));
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

  private static Finding orphanedOnAnotherThread(SpanNode root, TraceForest forest, Causes causes) {
    String thread = causes.threadOf(root);
    if (thread == null) {
      return null;
    }
    long start = root.data().getStartEpochNanos();
    SpanNode openSpan = causes.spanOpenOnAnotherThread(root, thread);
    SpanStart stillOpen = null;
    for (SpanStart open : forest.openSpans()) {
      if (open.startEpochNanos() <= start
          && !open.threadName().equals(thread)
          && (stillOpen == null || open.startEpochNanos() > stillOpen.startEpochNanos())) {
        stillOpen = open;
      }
    }
    boolean openWins =
        stillOpen != null
            && (openSpan == null || stillOpen.startEpochNanos() > openSpan.data().getStartEpochNanos());
    String submitter;
    String submitterThread;
    List<SpanNode> related;
    if (openWins) {
      submitter = "\"" + stillOpen.name() + "\" (still open)";
      submitterThread = stillOpen.threadName();
      related = List.of();
    } else if (openSpan != null) {
      submitter = describe(openSpan) + " in trace " + openSpan.traceId();
      submitterThread = causes.threadOf(openSpan);
      related = List.of(openSpan);
    } else {
      return null;
    }
    boolean wasOpen = openWins || openSpan.data().getEndEpochNanos() >= start;
    return Finding.about(
        NAME,
        root,
        related,
        "span " + describe(root) + " started a new trace on thread \"" + thread + "\" "
            + (wasOpen ? "while span " : "after span ") + submitter
            + (wasOpen ? " was open" : " had run (and ended)") + " on thread \"" + submitterThread + "\"",
        "the task ran without the submitter's context: wrap the executor with"
            + " Context.taskWrapping(executor) or the task with Context.current().wrap(task)");
  }

  /**
   * Spans sorted by start time, with the longest duration among them: the spans in flight at a
   * time are found by scanning back from it no further than that duration, so the cost per orphan
   * does not grow with the whole capture.
   */
  private static final class ByStart {
    final List<SpanNode> spans;
    final long longest;

    ByStart(List<SpanNode> spans) {
      spans.sort(Comparator.comparingLong(n -> n.data().getStartEpochNanos()));
      this.spans = spans;
      long max = 0;
      for (SpanNode span : spans) {
        max = Math.max(max, span.durationNanos());
      }
      this.longest = max;
    }

    /** Index of the last span that started at or before {@code time}, or -1. */
    int lastStartedBy(long time) {
      int low = 0;
      int high = spans.size();
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (spans.get(mid).data().getStartEpochNanos() <= time) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low - 1;
    }

    /** Whether a span at this index, or any before it, can still be in flight at {@code time}. */
    boolean mayBeInFlight(int index, long time) {
      return index >= 0 && spans.get(index).data().getStartEpochNanos() >= time - longest;
    }
  }

  /** Indexes of the spans that can cause an orphan, built once per check. */
  private static final class Causes {
    private final TraceForest forest;
    private final Map<String, List<SpanNode>> producersByDestination = new HashMap<>();
    private final Map<String, List<SpanNode>> clientsByCall = new HashMap<>();
    private final Map<String, ByStart> sorted = new HashMap<>();
    private final Map<String, Pattern> routes = new HashMap<>();
    private ByStart all;

    Causes(TraceForest forest) {
      this.forest = forest;
      for (Trace trace : forest.traces()) {
        for (SpanNode node : trace.spans()) {
          if (node.kind() == SpanKind.PRODUCER) {
            producersByDestination.computeIfAbsent(destinationKey(node), k -> new ArrayList<>()).add(node);
          } else if (node.kind() == SpanKind.CLIENT) {
            String call = callKey(node);
            if (call != null) {
              clientsByCall.computeIfAbsent(call, k -> new ArrayList<>()).add(node);
            }
          }
        }
      }
    }

    /** The list of an index, sorted by start on first use. */
    private ByStart sorted(String key, Map<String, List<SpanNode>> index) {
      List<SpanNode> spans = index.get(key);
      return spans == null ? null : sorted.computeIfAbsent(key, k -> new ByStart(spans));
    }

    private ByStart all() {
      if (all == null) {
        all = new ByStart(forest.spans());
      }
      return all;
    }

    /** The latest producer for the destination that started before the consumer. */
    SpanNode producerFor(String system, String destination, SpanNode consumer) {
      if (destination == null) {
        return null;
      }
      ByStart producers = sorted("producer|" + system + "|" + destination, producersByDestination);
      if (producers == null) {
        return null;
      }
      int last = producers.lastStartedBy(consumer.data().getStartEpochNanos());
      return last < 0 ? null : producers.spans.get(last);
    }

    /**
     * The client call in flight when the server span started, for the same RPC or HTTP request;
     * calls whose server side is already connected come last.
     */
    SpanNode clientFor(SpanNode server) {
      String call = callKey(server);
      ByStart clients = call == null ? null : sorted(call, clientsByCall);
      if (clients == null) {
        return null;
      }
      long start = server.data().getStartEpochNanos();
      boolean rpc = RpcAttributes.service(server) != null;
      SpanNode best = null;
      int scanned = 0;
      for (int i = clients.lastStartedBy(start);
          clients.mayBeInFlight(i, start) && scanned < MAX_SPANS_SCANNED_PER_ORPHAN;
          i--, scanned++) {
        SpanNode c = clients.spans.get(i);
        if (c.data().getEndEpochNanos() >= start && (rpc || samePath(c, server)) && (best == null || better(c, best))) {
          best = c;
        }
      }
      return best;
    }

    /** Calls whose server side is not connected yet come first, then the latest started. */
    private static boolean better(SpanNode candidate, SpanNode best) {
      boolean candidateConnected = hasRemoteServerChild(candidate);
      boolean bestConnected = hasRemoteServerChild(best);
      if (candidateConnected != bestConnected) {
        return !candidateConnected;
      }
      return candidate.data().getStartEpochNanos() > best.data().getStartEpochNanos();
    }

    private static boolean hasRemoteServerChild(SpanNode client) {
      return client.children().stream().anyMatch(c -> c.kind() == SpanKind.SERVER);
    }

    /** Paths must agree where both sides recorded one; a route template matches its paths. */
    private boolean samePath(SpanNode client, SpanNode server) {
      String clientPath = HttpAttributes.clientPath(client);
      if (clientPath == null) {
        return true;
      }
      String serverPath = HttpAttributes.serverPath(server);
      if (serverPath != null) {
        return serverPath.equals(clientPath);
      }
      String route = HttpAttributes.route(server);
      return route == null || routes.computeIfAbsent(route, Causes::routePattern).matcher(clientPath).matches();
    }

    /**
     * The innermost span of another service, in another trace, that started before the server
     * span and ended after it.
     */
    SpanNode enclosingSpanOfAnotherService(SpanNode server) {
      ByStart spans = all();
      long start = server.data().getStartEpochNanos();
      long end = server.data().getEndEpochNanos();
      int scanned = 0;
      for (int i = spans.lastStartedBy(start);
          spans.mayBeInFlight(i, start) && scanned < MAX_SPANS_SCANNED_PER_ORPHAN;
          i--, scanned++) {
        SpanNode candidate = spans.spans.get(i);
        // Scanning backwards by start, the first enclosing span found is the innermost.
        if (candidate.trace() != server.trace()
            && !candidate.serviceName().equals(server.serviceName())
            && candidate.data().getEndEpochNanos() >= end) {
          return candidate;
        }
      }
      return null;
    }

    /**
     * The innermost span open on another thread when {@code root} started; failing that, the latest
     * one started before it on another thread (fire-and-forget work often starts after its
     * submitter ended).
     */
    SpanNode spanOpenOnAnotherThread(SpanNode root, String thread) {
      ByStart spans = all();
      long start = root.data().getStartEpochNanos();
      SpanNode latestEnded = null;
      int scanned = 0;
      for (int i = spans.lastStartedBy(start);
          i >= 0 && scanned < MAX_SPANS_SCANNED_PER_ORPHAN && (latestEnded == null || spans.mayBeInFlight(i, start));
          i--, scanned++) {
        SpanNode candidate = spans.spans.get(i);
        String candidateThread = candidate.trace() == root.trace() ? null : threadOf(candidate);
        if (candidateThread == null || candidateThread.equals(thread)) {
          continue;
        }
        if (candidate.data().getEndEpochNanos() >= start) {
          return candidate;
        }
        if (latestEnded == null) {
          latestEnded = candidate;
        }
      }
      return latestEnded;
    }

    /** "/stock/{sku}", "/stock/:sku" and "/files/*" as regular expressions over paths. */
    private static Pattern routePattern(String route) {
      StringBuilder regex = new StringBuilder();
      Matcher parameter = ROUTE_PARAMETER.matcher(route);
      int last = 0;
      while (parameter.find()) {
        regex.append(Pattern.quote(route.substring(last, parameter.start())));
        regex.append(parameter.group().equals("*") ? ".*" : "[^/]+");
        last = parameter.end();
      }
      regex.append(Pattern.quote(route.substring(last)));
      return Pattern.compile(regex.toString());
    }

    /** The thread that started the span: from the capture, else a {@code thread.name} attribute. */
    String threadOf(SpanNode node) {
      return forest.startOf(node).map(SpanStart::threadName)
          .orElseGet(() -> ThreadAttributes.threadName(node));
    }

    private static String destinationKey(SpanNode node) {
      return "producer|" + MessagingAttributes.system(node) + "|" + MessagingAttributes.destination(node);
    }

    /** What a client call and its server span share: RPC service and method, else the HTTP method. */
    private static String callKey(SpanNode node) {
      if (RpcAttributes.service(node) != null) {
        return "rpc|" + Objects.toString(RpcAttributes.system(node)) + "|" + RpcAttributes.service(node)
            + "|" + RpcAttributes.method(node);
      }
      String method = HttpAttributes.method(node);
      return method == null ? null : "http|" + method;
    }
  }
}
