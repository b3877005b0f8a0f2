package io.github.tracecheck.report;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.pii.Masking;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A Mermaid sequence diagram of the hops between services, like the seed's diagram: participants
 * are services; arrows are calls (a span whose parent is in another service: client -> server,
 * producer -> consumer) and pool hops (a span whose parent ran on another thread of the same
 * service), labelled with the span and its status. Orphaned roots are notes: nothing points at them.
 */
public final class MermaidDiagram {

  private MermaidDiagram() {}

  public static String of(TraceForest forest) {
    Set<String> participants = new LinkedHashSet<>();
    StringBuilder arrows = new StringBuilder();
    SpanNode start = forest.isEmpty() ? null : forest.traces().get(0).firstRoot();
    for (SpanNode span : forest.spans()) {
      participants.add(service(span));
      Optional<SpanNode> parent = span.parent();
      if (parent.isEmpty()) {
        // Every root but the first starts a trace of its own: a hop may have lost its context there.
        if (span != start) {
          arrows.append("    Note over ").append(id(service(span))).append(": new trace at ").append(label(span)).append('\n');
        }
        continue;
      }
      String from = service(parent.get());
      String to = service(span);
      if (!from.equals(to)) {
        String arrow = span.kind() == SpanKind.CONSUMER ? "-)" : "->>";
        arrows.append("    ").append(id(from)).append(arrow).append(id(to)).append(": ").append(label(span)).append('\n');
      } else if (!thread(forest, span).equals(thread(forest, parent.get())) && !thread(forest, span).isEmpty()) {
        arrows.append("    ").append(id(from)).append("->>").append(id(to)).append(": pool: ").append(label(span)).append('\n');
      }
    }
    StringBuilder out = new StringBuilder("sequenceDiagram\n");
    for (String participant : participants) {
      out.append("    participant ").append(id(participant)).append(" as ").append(escape(participant)).append('\n');
    }
    return out.append(arrows).toString();
  }

  private static String label(SpanNode span) {
    StatusCode status = span.data().getStatus().getStatusCode();
    return escape(Masking.redact(span.name())) + (status == StatusCode.UNSET ? "" : " [" + status + "]");
  }

  private static String service(SpanNode span) {
    return span.serviceName().isEmpty() ? "unknown service" : span.serviceName();
  }

  private static String thread(TraceForest forest, SpanNode span) {
    return forest.startOf(span).map(SpanStart::threadName).orElse("");
  }

  /** Mermaid participant ids must be plain words. */
  private static String id(String service) {
    return service.replaceAll("[^A-Za-z0-9_]", "_");
  }

  /** Characters Mermaid reads as syntax in messages. */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '#':
          out.append("#35;");
          break;
        case ';':
          out.append("#59;");
          break;
        case '\n':
        case '\r':
          out.append(' ');
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
