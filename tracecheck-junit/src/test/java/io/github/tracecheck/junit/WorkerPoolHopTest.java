package io.github.tracecheck.junit;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThatPoolHop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.pools.ContextPropagationProbe;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Worker-pool hops: executors, CompletableFuture stages and a worker channel, correct and broken. */
@TraceCheck
class WorkerPoolHopTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "order-pool"));
  private final ContextPropagationProbe probe = new ContextPropagationProbe();

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private static void checkout(Tracer tracer, Runnable work) {
    Span checkout = tracer.spanBuilder("POST /checkout").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = checkout.makeCurrent()) {
      work.run();
    } finally {
      checkout.end();
    }
  }

  private static Runnable processOrder(Tracer tracer) {
    return () -> tracer.spanBuilder("process order").startSpan().end();
  }

  @Test
  void taskWrappingCarriesTheContextToThePool(Tracer tracer, CapturedTraces traces) {
    ExecutorService executor = probe.wrap(Context.taskWrapping(pool));
    checkout(tracer, () -> executor.submit(processOrder(tracer)));

    TraceForest forest = traces.awaitSpan("process order");
    probe.assertNoLosses();
    assertThatPoolHop(forest, "process order").isChildOf("POST /checkout").ranOnAnotherThread();
  }

  @Test
  @TraceCheckRule(name = "orphaned-root", mode = GateMode.OFF) // the broken hop is asserted below
  void plainExecutorLosesTheContextAndTheProbeSaysWhereItWasSubmitted(Tracer tracer, CapturedTraces traces) {
    ExecutorService executor = probe.wrap(pool);
    checkout(tracer, () -> executor.submit(processOrder(tracer)));

    TraceForest forest = traces.awaitSpan("process order");
    assertThat(traces.awaitAllEnded().spanCount()).isEqualTo(2);
    assertThatThrownBy(probe::assertNoLosses)
        .hasMessageStartingWith("Expecting every task to run with the submitter's trace context, but 1 task did not:\n"
            + "  task submitted at io.github.tracecheck.junit.WorkerPoolHopTest.lambda$")
        .hasMessageContaining("(WorkerPoolHopTest.java:")
        .hasMessageContaining("ran on thread \"order-pool\" with no span current");
    assertThatThrownBy(() -> assertThatPoolHop(forest, "process order").isChildOf("POST /checkout"))
        .hasMessageContaining("its parent: none, it is a root");
    assertThatThrownBy(() -> assertThat(forest).hasNoOrphans())
        // "while span ... was open" or "after span ... had run": whether the task started before the
        // submitter ended is up to the scheduler.
        .hasMessageContaining("[orphaned-root] span \"process order\" (WorkerPoolHopTest) started a new trace on"
            + " thread \"order-pool\" ")
        .hasMessageContaining("span \"POST /checkout\" (WorkerPoolHopTest) in trace ")
        .hasMessageContaining("likely cause: the task ran without the submitter's context");
  }

  @Test
  @TraceCheckRule(name = "orphaned-root", mode = GateMode.OFF) // the broken hop is asserted below
  void supplyAsyncOnTheCommonPoolLosesTheContext(Tracer tracer, CapturedTraces traces) {
    checkout(tracer, () -> CompletableFuture.supplyAsync(() -> {
      processOrder(tracer).run();
      return "done";
    }, probe.commonPool()).join());

    TraceForest forest = traces.awaitSpan("process order");
    assertThat(probe.losses()).singleElement().satisfies(loss ->
        assertThat(loss.runThread()).startsWith("ForkJoinPool.commonPool-worker"));
    assertThatThrownBy(() -> assertThat(forest).hasNoOrphans())
        .hasMessageContaining("started a new trace on thread \"ForkJoinPool.commonPool-worker");
  }

  @Test
  void supplyAsyncWithAContextWrappedExecutorKeepsIt(Tracer tracer, CapturedTraces traces) {
    checkout(tracer, () -> CompletableFuture.supplyAsync(() -> {
      processOrder(tracer).run();
      return "done";
    }, probe.wrap(Context.taskWrapping(pool))).join());

    TraceForest forest = traces.awaitSpan("process order");
    probe.assertNoLosses();
    assertThatPoolHop(forest, "process order").isChildOf("POST /checkout").ranOnAnotherThread();
  }

  /** The seed's worker channel: a job object handed to a worker thread through a queue. */
  private static final class Job {
    final String orderId;
    final Context context;

    Job(String orderId, Context context) {
      this.orderId = orderId;
      this.context = context;
    }
  }

  private void workerChannel(Tracer tracer, boolean jobCarriesContext) throws InterruptedException {
    BlockingQueue<Job> channel = new LinkedBlockingQueue<>();
    pool.execute(() -> {
      try {
        Job job = channel.take();
        try (Scope ignored = job.context.makeCurrent()) {
          tracer.spanBuilder("process order").setAttribute("order.id", job.orderId).startSpan().end();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    checkout(tracer, () -> channel.add(new Job("order-1", jobCarriesContext ? Context.current() : Context.root())));
  }

  @Test
  void jobThatCarriesItsContextContinuesTheTrace(Tracer tracer, CapturedTraces traces) throws Exception {
    workerChannel(tracer, true);

    TraceForest forest = traces.awaitSpan("process order");
    assertThatPoolHop(forest, "process order").isChildOf("POST /checkout").ranOnAnotherThread();
  }

  @Test
  @TraceCheckRule(name = "orphaned-root", mode = GateMode.OFF) // the broken hop is asserted below
  void jobWithoutContextIsCaught(Tracer tracer, CapturedTraces traces) throws Exception {
    workerChannel(tracer, false);

    TraceForest forest = traces.awaitSpan("process order");
    assertThatThrownBy(() -> assertThat(forest).hasNoOrphans())
        .hasMessageContaining("[orphaned-root] span \"process order\" (WorkerPoolHopTest) started a new trace on"
            + " thread \"order-pool\" ")
        .hasMessageContaining("span \"POST /checkout\" (WorkerPoolHopTest) in trace ");
  }
}
