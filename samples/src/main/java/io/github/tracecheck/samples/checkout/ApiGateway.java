package io.github.tracecheck.samples.checkout;

import com.sun.net.httpserver.HttpExchange;
import io.grpc.ManagedChannel;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * api-gateway: {@code POST /checkout} (form: user, email, sku, token) validates the token with
 * auth-service over gRPC, publishes the order to Kafka, and answers {@code 202 Accepted}. The HTTP
 * server and the Kafka producer are instrumented by hand, the gRPC client by OpenTelemetry's gRPC
 * instrumentation.
 */
public final class ApiGateway implements AutoCloseable {

  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;
  private final TraceLog log;
  private final ManagedChannel authChannel;
  private final Producer<String, String> producer;
  private final String topic;
  private final Set<Bug> bugs;
  private final TracedHttpServer server;

  public ApiGateway(
      OpenTelemetry openTelemetry, TraceLog log, AuthService auth, Producer<String, String> producer, String topic,
      Set<Bug> bugs) throws IOException {
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer("api-gateway");
    this.log = log;
    this.authChannel = auth.channel();
    this.producer = producer;
    this.topic = topic;
    this.bugs = bugs;
    this.server = new TracedHttpServer(openTelemetry, "api-gateway").route("POST", "/checkout", "/checkout", this::checkout).start();
  }

  public URI baseUri() {
    return server.baseUri();
  }

  private void checkout(HttpExchange exchange, Span span) throws IOException {
    Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if (bugs.contains(Bug.PII_IN_ATTRIBUTES)) {
      span.setAttribute("user.email", form.get("email"));
      span.setAttribute("url.full", baseUri() + "/checkout?access_token=" + form.get("token"));
    }
    log.info("checkout of " + form.get("sku") + " for " + form.get("user"));
    AuthService.validate(authChannel, openTelemetry, !bugs.contains(Bug.GRPC_WITHOUT_INTERCEPTOR), form.get("user"), form.get("token"));
    if (form.get("sku").equals("discontinued")) {
      if (!bugs.contains(Bug.HTTP_5XX_WITHOUT_ERROR)) {
        span.setStatus(StatusCode.ERROR, "the catalog no longer sells " + form.get("sku"));
      }
      exchange.sendResponseHeaders(503, -1);
      return;
    }
    publish(form);
    exchange.sendResponseHeaders(202, -1);
  }

  private void publish(Map<String, String> form) throws IOException {
    Span span = tracer.spanBuilder(topic + " publish").setSpanKind(SpanKind.PRODUCER)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", topic)
        .setAttribute("messaging.operation.type", "send")
        .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      ProducerRecord<String, String> record =
          new ProducerRecord<>(topic, form.get("user"), form.get("user") + "," + form.get("email") + "," + form.get("sku"));
      openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), record.headers(), RecordHeadersCarrier.SETTER);
      producer.send(record).get();
      log.info("order published to " + topic);
    } catch (ExecutionException e) {
      span.recordException(e).setStatus(StatusCode.ERROR, "publish failed");
      throw new IOException("could not publish the order", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while publishing", e);
    } finally {
      span.end();
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        form.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  @Override
  public void close() {
    server.close();
    producer.close();
    authChannel.shutdownNow();
  }
}
