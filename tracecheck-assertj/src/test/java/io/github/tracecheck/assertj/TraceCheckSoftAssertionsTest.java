package io.github.tracecheck.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.tracecheck.model.Trace;
import io.github.tracecheck.testing.SampleTraces;
import io.opentelemetry.api.trace.SpanKind;
import org.assertj.core.error.AssertJMultipleFailuresError;
import org.junit.jupiter.api.Test;

class TraceCheckSoftAssertionsTest {

  private static final Trace TRACE = SampleTraces.checkout().traces().get(0);

  @Test
  void collectsEveryFailureIncludingThoseInsideSatisfyingVariants() {
    AssertJMultipleFailuresError error =
        catchThrowableOfType(
            AssertJMultipleFailuresError.class,
            () ->
                TraceCheckSoftAssertions.assertTracesSoftly(
                    softly -> {
                      softly.assertThat(TRACE).hasRootNamed("GET /");
                      softly.assertThat(TRACE).hasSpanSatisfying(
                          SpanQuery.named("orders process"), s -> s.hasKind(SpanKind.SERVER));
                      softly.assertThat(SampleTraces.checkout()).hasTraceCount(2);
                      softly.assertThat(TRACE.firstRoot()).hasName("POST /checkout");
                      softly.assertThat("plain AssertJ still works").startsWith("plain");
                    }));

    assertThat(error.getFailures()).hasSize(3);
    assertThat(error.getFailures().get(0)).hasMessageContaining("to have root named:\n  \"GET /\"");
    assertThat(error.getFailures().get(1)).hasMessageContaining("to have kind:\n  SERVER\nbut was:\n  CONSUMER");
    assertThat(error.getFailures().get(2)).hasMessageContaining("to have number of traces:\n  2");
  }

  @Test
  void passesWhenEverythingHolds() {
    TraceCheckSoftAssertions softly = new TraceCheckSoftAssertions();
    softly.assertThat(TRACE).hasRootNamed("POST /checkout").hasSpanCount(5);
    softly.assertAll();
    assertThat(softly.errorsCollected()).isEmpty();
  }
}
