package io.github.tracecheck.junit.process;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An application without a line of OpenTelemetry code, for the Java agent to instrument: a JDK
 * {@code HttpServer} whose {@code /checkout} calls its own {@code /stock} with the JDK {@code
 * HttpClient}. With the argument {@code raw-thread} it makes that call on a {@code new Thread}, to
 * which the agent does not carry the request's context: the bug the gate must catch.
 *
 * <p>Prints {@code listening on <port>} once it serves, and stops when its standard input closes.
 */
public final class CheckoutApp {

  private CheckoutApp() {}

  public static void main(String[] args) throws Exception {
    boolean rawThread = List.of(args).contains("raw-thread");
    HttpClient client = HttpClient.newHttpClient();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    URI stock = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stock");
    server.createContext("/stock", exchange -> respond(exchange, "in stock"));
    server.createContext("/checkout", exchange -> {
      try {
        String answer = rawThread ? onRawThread(() -> get(client, stock)) : get(client, stock);
        respond(exchange, "checked out: " + answer);
      } catch (Exception e) {
        exchange.sendResponseHeaders(500, -1);
        exchange.close();
      }
    });
    // Not the default executor: /checkout waits for /stock, which must be served meanwhile.
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    System.out.println(OrderService.READY + server.getAddress().getPort());
    System.out.flush();
    while (System.in.read() != -1) {
      // stdin only tells when to stop
    }
    server.stop(0);
    System.exit(0);
  }

  private static String get(HttpClient client, URI uri) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** Runs the call on a thread of its own, as code that "just starts a thread" does. */
  private static String onRawThread(Call call) throws InterruptedException {
    AtomicReference<String> result = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      try {
        result.set(call.run());
      } catch (Exception e) {
        result.set("failed: " + e);
      }
    }, "stock-lookup");
    thread.start();
    thread.join();
    return result.get();
  }

  private static void respond(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @FunctionalInterface
  private interface Call {
    String run() throws Exception;
  }
}
