package io.github.tracecheck.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.capture.SpanCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run that starts inside another (a test running test classes with JUnit's test kit) must not
 * leave the outer run without its capture when it ends: the Spring applications of the outer run's
 * later classes would report to nobody.
 */
class RunningCaptureTest {

  private final SpanCapture outer = new SpanCapture(false);
  private final SpanCapture inner = new SpanCapture(false);
  private SpanCapture before;

  @BeforeEach
  void leaveThisRunsCaptureAside() {
    // This class itself may run inside a tracecheck run: its capture stays registered underneath.
    before = RunningCapture.current().orElse(null);
  }

  @AfterEach
  void endBoth() {
    RunningCapture.ended(inner);
    RunningCapture.ended(outer);
    assertThat(RunningCapture.current().orElse(null)).isSameAs(before);
  }

  @Test
  void whenANestedRunEndsTheOuterRunIsCurrentAgain() {
    RunningCapture.started(outer);
    RunningCapture.started(inner);
    assertThat(RunningCapture.current()).containsSame(inner);

    RunningCapture.ended(inner);

    assertThat(RunningCapture.current()).containsSame(outer);
  }

  @Test
  void theOuterRunEndingFirstLeavesTheNestedOneCurrent() {
    RunningCapture.started(outer);
    RunningCapture.started(inner);

    RunningCapture.ended(outer);

    assertThat(RunningCapture.current()).containsSame(inner);
    RunningCapture.ended(inner);
    assertThat(RunningCapture.current().orElse(null)).isSameAs(before);
  }
}
