package io.github.tracecheck.assertj;

import io.github.tracecheck.model.SpanNode;
import java.util.ArrayList;
import java.util.List;

/** What every protocol's hop assertions share: which server spans do not continue a client span. */
public final class Hops {

  private Hops() {}

  /**
   * The server spans that are not a child, through extracted (remote) context, of one of the
   * client spans.
   */
  public static List<SpanNode> serversNotContinuingClients(List<SpanNode> clients, List<SpanNode> servers) {
    List<SpanNode> broken = new ArrayList<>();
    for (SpanNode server : servers) {
      if (!server.hasRemoteParent() || !server.parent().map(clients::contains).orElse(false)) {
        broken.add(server);
      }
    }
    return broken;
  }
}
