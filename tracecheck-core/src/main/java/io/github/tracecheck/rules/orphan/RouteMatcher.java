package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.semconv.HttpAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an HTTP client span and a server span name the same path: the paths must agree where both
 * sides recorded one, and a server that recorded only its route template ({@code /orders/{id}},
 * {@code /orders/:id}, {@code /files/*}) matches the paths the template matches. The request method
 * is matched before this, by the call key. Kept in its own class because route templates are a small
 * language of their own; one matcher per check caches the compiled templates.
 */
final class RouteMatcher {

  private static final Pattern ROUTE_PARAMETER = Pattern.compile("\\{[^/}]*}|:[^/]+|\\*");

  private final Map<String, Pattern> routes = new HashMap<>();

  /**
   * Whether the client's path (from its URL, without the query) fits the server's: its path
   * (without the query) when recorded, else its route template. A side with neither matches.
   */
  boolean samePath(SpanNode client, SpanNode server) {
    String clientPath = HttpAttributes.clientPath(client);
    if (clientPath == null) {
      return true;
    }
    String serverPath = HttpAttributes.serverPath(server);
    if (serverPath != null) {
      return serverPath.equals(clientPath);
    }
    String route = HttpAttributes.route(server);
    return route == null || matches(route, clientPath);
  }

  /**
   * Whether the path fits the route template: {@code {name}} and {@code :name} stand for one path
   * segment, {@code *} for anything (also several segments or nothing); the rest must be equal,
   * trailing slash included.
   */
  boolean matches(String route, String path) {
    return routes.computeIfAbsent(route, RouteMatcher::routePattern).matcher(path).matches();
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
}
