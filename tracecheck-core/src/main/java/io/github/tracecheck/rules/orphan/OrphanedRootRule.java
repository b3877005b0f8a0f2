package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.Rule;
import io.github.tracecheck.rules.RuleInfo;
import io.github.tracecheck.rules.RuleMode;
import io.github.tracecheck.rules.RuleOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(TraceForest forest, RuleOptions options) {
    List<SpanNode> spans = forest.spans();
    SpansByStart allSpans = new SpansByStart(spans);
    MessagingHop messaging = new MessagingHop(spans, options);
    CallHop calls = new CallHop(spans, allSpans);
    ThreadHop threads = new ThreadHop(forest, allSpans);
    List<Finding> findings = new ArrayList<>();
    for (Trace trace : forest.traces()) {
      for (SpanNode root : trace.roots()) {
        if (root.hasParentSpanId()) {
          continue; // a missing parent is the dangling-parent rule's business
        }
        Optional<Finding> finding =
            switch (root.kind()) {
              case CONSUMER -> messaging.orphan(root);
              case SERVER -> calls.orphan(root);
              default -> threads.orphan(root);
            };
        finding.ifPresent(findings::add);
      }
    }
    return findings;
  }
}
