package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.semconv.HttpAttributes;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an HTTP client span and a server span name the same path: the paths must agree where both
 * sides recorded one, and a server that recorded only its route template ({@code /orders/{id}},
 * {@code /orders/:id}, {@code /files/*}) matches the paths the template matches. The request method
 * is matched before this, by the call key. Kept in its own class because route templates are a small
 * language of their own; one matcher per check caches the compiled templates and the clients' paths.
 */
final class RouteMatcher {

  private static final Pattern ROUTE_PARAMETER = Pattern.compile("\\{[^/}]*}|:[^/]+|\\*");

  /** The compiled templates; a template without parameters maps to empty and is compared as text. */
  private final Map<String, Optional<Pattern>> routes = new HashMap<>();
  /**
   * Each client's path, parsed from its URL once: a client is tried against every server span that
   * started while it was in flight.
   */
  private final Map<SpanNode, Optional<String>> clientPaths = new IdentityHashMap<>();

  /**
   * Whether a client's path (from its URL, without the query) fits the server's: its path (without
   * the query) when recorded, else its route template. A side with neither matches. The server's
   * side is read once, for all the clients tried against it.
   */
  Predicate<SpanNode> samePathAs(SpanNode server) {
    String serverPath = HttpAttributes.serverPath(server);
    String route = serverPath == null ? HttpAttributes.route(server) : null;
    return client -> {
      String clientPath = clientPaths.computeIfAbsent(client, c -> Optional.ofNullable(HttpAttributes.clientPath(c))).orElse(null);
      if (clientPath == null) {
        return true;
      }
      if (serverPath != null) {
        return serverPath.equals(clientPath);
      }
      return route == null || matches(route, clientPath);
    };
  }

  /**
   * Whether the path fits the route template: {@code {name}} and {@code :name} stand for one path
   * segment, {@code *} for anything (also several segments or nothing); the rest must be equal,
   * trailing slash included.
   */
  boolean matches(String route, String path) {
    Optional<Pattern> pattern = routes.computeIfAbsent(route, RouteMatcher::routePattern);
    return pattern.isEmpty() ? route.equals(path) : pattern.get().matcher(path).matches();
  }

  /** "/stock/{sku}", "/stock/:sku" and "/files/*" as regular expressions over paths; empty for a template without parameters. */
  private static Optional<Pattern> routePattern(String route) {
    StringBuilder regex = new StringBuilder();
    Matcher parameter = ROUTE_PARAMETER.matcher(route);
    int last = 0;
    while (parameter.find()) {
      regex.append(Pattern.quote(route.substring(last, parameter.start())));
      regex.append(parameter.group().equals("*") ? ".*" : "[^/]+");
      last = parameter.end();
    }
    if (last == 0) {
      return Optional.empty();
    }
    regex.append(Pattern.quote(route.substring(last)));
    return Optional.of(Pattern.compile(regex.toString()));
  }
}
