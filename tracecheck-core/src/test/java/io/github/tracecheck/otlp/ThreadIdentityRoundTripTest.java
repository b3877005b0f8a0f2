package io.github.tracecheck.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Rules;
import io.github.tracecheck.testing.RealSdk;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.io.StringReader;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The thread a span started on is written as {@code thread.name} and {@code thread.id}, and read
 * back as the thread's identity: two threads of one name (as virtual threads, which have none, or
 * pools that name their threads alike) stay two threads, in the capture and in the file.
 */
class ThreadIdentityRoundTripTest {

  private static final String THREAD = "worker";

  @Test
  void aRootOnAnotherThreadOfTheSameNameIsFoundInTheCaptureAndInItsFile() throws Exception {
    TraceForest captured = jobThenCharge(false);
    TraceForest loaded = TraceForest.of(OtlpJsonReader.read(new StringReader(OtlpJsonWriter.write(captured)), "written"));

    assertThat(orphans(captured)).containsExactly("charge");
    assertThat(orphans(loaded)).containsExactly("charge");
    assertThat(Rules.check(loaded)).filteredOn(f -> f.rule().equals("orphaned-root")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("(threads from the thread.name attribute)"));
  }

  @Test
  void aRootOnTheSameThreadIsNoOrphanInTheCaptureOrInItsFile() throws Exception {
    TraceForest captured = jobThenCharge(true);
    TraceForest loaded = TraceForest.of(OtlpJsonReader.read(new StringReader(OtlpJsonWriter.write(captured)), "written"));

    assertThat(orphans(captured)).isEmpty();
    assertThat(orphans(loaded)).isEmpty();
  }

  @Test
  void theFileCarriesTheThreadsNameAndId() throws Exception {
    TraceForest captured = jobThenCharge(false);
    TraceForest loaded = TraceForest.of(OtlpJsonReader.read(new StringReader(OtlpJsonWriter.write(captured)), "written"));

    for (SpanNode span : loaded.spans()) {
      SpanNode original = captured.spans().stream().filter(s -> s.name().equals(span.name())).findFirst().orElseThrow();
      assertThat(span.data().getAttributes().get(AttributeKey.stringKey("thread.name"))).isEqualTo(THREAD);
      assertThat(span.data().getAttributes().get(AttributeKey.longKey("thread.id")))
          .isEqualTo(captured.startOf(original).orElseThrow().threadId());
    }
    assertThat(loaded.spans()).extracting(s -> s.data().getAttributes().get(AttributeKey.longKey("thread.id")))
        .doesNotHaveDuplicates();
  }

  /**
   * A span "job" of the billing service is started on a thread named "worker" and left open; then a
   * root "charge" of the same service starts on the same thread, or on another thread of that name.
   */
  private static TraceForest jobThenCharge(boolean sameThread) throws InterruptedException {
    try (RealSdk sdk = new RealSdk()) {
      Tracer billing = sdk.tracer("billing");
      AtomicReference<Span> job = new AtomicReference<>();
      Runnable startJob = () -> job.set(billing.spanBuilder("job").setParent(Context.root()).startSpan());
      Runnable charge = () -> billing.spanBuilder("charge").setParent(Context.root()).startSpan().end();
      if (sameThread) {
        runOn(() -> {
          startJob.run();
          charge.run();
        });
      } else {
        runOn(startJob);
        runOn(charge);
      }
      job.get().end();
      return sdk.snapshot();
    }
  }

  private static void runOn(Runnable work) throws InterruptedException {
    Thread thread = new Thread(work, THREAD);
    thread.start();
    thread.join();
  }

  private static List<String> orphans(TraceForest forest) {
    return Rules.check(forest).stream().filter(f -> f.rule().equals("orphaned-root"))
        .map(f -> f.span().map(SpanNode::name).orElse("(no span)")).toList();
  }
}
