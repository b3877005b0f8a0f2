package io.github.tracecheck.assertj;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThatPoolHop;
import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.testing.TestSpans;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worker-pool hop on spans read from a file, where only {@code thread.name} says which thread
 * ran them; captured spans are tested in tracecheck-junit's WorkerPoolHopTest.
 */
class PoolHopAssertTest {

  private static TraceForest checkout(TestSpans.Builder task) {
    return TraceForest.of(List.of(
        span("POST /checkout", id(1)).attr("thread.name", "http-1").time(0, 10).build(),
        task.time(2, 5).build()));
  }

  @Test
  void aTaskOnAPoolThreadUnderTheSubmitterPasses() {
    TraceForest forest = checkout(span("process order", id(2)).parent(id(1)).attr("thread.name", "order-pool"));

    assertThatPoolHop(forest, "process order").exists().isConnected().hasProtocolAttributes()
        .isChildOf("POST /checkout").ranOnAnotherThread();
  }

  @Test
  void aTaskOnTheSubmittersThreadDidNotCrossToThePool() {
    TraceForest forest = checkout(span("process order", id(2)).parent(id(1)).attr("thread.name", "http-1"));

    assertThatThrownBy(() -> assertThatPoolHop(forest, "process order").ranOnAnotherThread())
        .hasMessageStartingWith("\nExpecting the worker-pool hop of \"process order\" to have:\n"
            + "  every task span started on another thread than its parent\n"
            + "but found:\n"
            + "  1 task span(s) that are not (marked)\n"
            + "  - process order [INTERNAL] svc 3.0 ms: it started on thread \"http-1\", as its parent did\n");
  }

  @Test
  void aTaskThatLostTheContextIsARootAndItsThreadIsNeeded() {
    TraceForest forest = checkout(span("process order", id(2)).trace(TestSpans.OTHER_TRACE_ID));

    assertThatThrownBy(() -> assertThatPoolHop(forest, "process order").isChildOf("POST /checkout"))
        .hasMessageStartingWith("\nExpecting the worker-pool hop of \"process order\" to have:\n"
            + "  every task span a child of a \"POST /checkout\" span\n"
            + "but found:\n"
            + "  1 task span(s) that are not (marked, with the \"POST /checkout\" spans)\n"
            + "  - process order [INTERNAL] svc 3.0 ms: its parent: none, it is a root\n");
    assertThatThrownBy(() -> assertThatPoolHop(forest, "process order").hasProtocolAttributes())
        .hasMessageContaining("  the thread every task span started on (from the capture, or thread.name)\n"
            + "but found:\n  1 span(s) without them (marked)\n"
            + "  - process order [INTERNAL] svc 3.0 ms: without a known thread\n");
  }

  @Test
  void noTaskSpanMeansNoHop() {
    TraceForest forest = checkout(span("send mail", id(2)).parent(id(1)));

    assertThatThrownBy(() -> assertThatPoolHop(forest, "process order").isChildOf("POST /checkout"))
        .hasMessageContaining("  a \"POST /checkout\" span and a task span\nbut found:\n"
            + "  1 \"POST /checkout\" span(s) and 0 task span(s)\n");
  }
}
