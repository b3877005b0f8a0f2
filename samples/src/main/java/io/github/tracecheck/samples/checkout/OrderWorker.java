package io.github.tracecheck.samples.checkout;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.WakeupException;

/**
 * order-worker: consumes orders from Kafka, hands each to its worker pool in a job object that
 * carries the trace context (the seed's worker channel), prices it, reserves stock and writes it to
 * the database.
 */
public final class OrderWorker implements AutoCloseable {

  /** The seed's job object: the order, and the context it was received in. */
  private static final class Job {
    final ConsumerRecord<String, String> record;
    final Context context;

    Job(ConsumerRecord<String, String> record, Context context) {
      this.record = record;
      this.context = context;
    }
  }

  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;
  private final DoubleHistogram prices;
  private final TraceLog log;
  private final Consumer<String, String> consumer;
  private final OrdersDatabase database;
  private final Set<Bug> bugs;
  private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "order-worker-pool"));
  private final ExecutorService pricing = Executors.newSingleThreadExecutor(r -> new Thread(r, "order-worker-pricing"));
  private final Thread poller;
  private volatile boolean running = true;

  public OrderWorker(OpenTelemetry openTelemetry, TraceLog log, Consumer<String, String> consumer, Set<Bug> bugs) {
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer("order-worker");
    this.prices = openTelemetry.getMeter("order-worker").histogramBuilder("order.price").setUnit("USD").build();
    this.log = log;
    this.consumer = consumer;
    this.bugs = bugs;
    this.database = new OrdersDatabase(openTelemetry, bugs.contains(Bug.SQL_WITH_LITERALS));
    this.poller = new Thread(this::pollLoop, "order-worker-consumer");
    poller.start();
  }

  private void pollLoop() {
    try {
      while (running) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          receive(record);
        }
      }
    } catch (WakeupException e) {
      // close() wakes the poll to stop
    }
  }

  private void receive(ConsumerRecord<String, String> record) {
    Context parent =
        bugs.contains(Bug.CONSUMER_IGNORES_HEADERS)
            ? Context.root()
            : openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), record.headers(), RecordHeadersCarrier.GETTER);
    Span span = tracer.spanBuilder(record.topic() + " process").setSpanKind(SpanKind.CONSUMER).setParent(parent)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", record.topic())
        .setAttribute("messaging.operation.type", "process")
        .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
        .setAttribute("messaging.kafka.message.offset", record.offset())
        .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      log.info("received order " + record.key());
      Context jobContext = bugs.contains(Bug.POOL_WITHOUT_CONTEXT) ? Context.root() : Context.current();
      Job job = new Job(record, jobContext);
      pool.execute(() -> process(job));
    } finally {
      span.end();
    }
  }

  private void process(Job job) {
    String[] order = job.record.value().split(",");
    String user = order[0];
    String email = order[1];
    String sku = order[2];
    try (Scope jobScope = job.context.makeCurrent()) {
      Span span = tracer.spanBuilder("process order").setAttribute("order.sku", sku).startSpan();
      try (Scope ignored = span.makeCurrent()) {
        Executor pricingExecutor =
            bugs.contains(Bug.SUPPLY_ASYNC_WITHOUT_CONTEXT) ? ForkJoinPool.commonPool() : Context.taskWrapping(pricing);
        double price = CompletableFuture.supplyAsync(() -> price(sku), pricingExecutor).join();
        reserveStock(sku, span);
        database.insert(UUID.randomUUID().toString(), user, email, sku, price);
        log.info("order stored for " + user);
      } catch (Exception e) {
        span.recordException(e).setStatus(StatusCode.ERROR, "order not stored");
      } finally {
        span.end();
      }
    }
  }

  private double price(String sku) {
    double price;
    Span span = tracer.spanBuilder("price order").setAttribute("order.sku", sku).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      price = 42.0;
    } finally {
      span.end();
    }
    // a metric of the order, recorded in the caller's context: its exemplar leads to "process order"
    prices.record(price);
    return price;
  }

  private void reserveStock(String sku, Span order) {
    Span span = tracer.spanBuilder("reserve stock").setAttribute("order.sku", sku).startSpan();
    if (sku.startsWith("flaky")) {
      // The first reservation attempt timed out and was retried: the failure is worth recording.
      order.recordException(new IllegalStateException("stock reservation timed out for " + sku));
      if (!bugs.contains(Bug.EXCEPTION_WITHOUT_ERROR_STATUS)) {
        order.setStatus(StatusCode.ERROR, "stock reservation timed out");
      }
    }
    if (sku.startsWith("low") && bugs.contains(Bug.SPAN_NEVER_ENDED)) {
      log.info("low stock for " + sku);
      return; // the early return that skips span.end()
    }
    span.end();
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      poller.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close();
    pool.shutdownNow();
    pricing.shutdownNow();
  }
}
