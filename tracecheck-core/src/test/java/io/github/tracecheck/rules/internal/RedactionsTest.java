package io.github.tracecheck.rules.internal;

import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.pii.Masking;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionsTest {

  @Test
  void masksAsMaskingDoesAndDescribesAsSpanDescriptionsDo() {
    SpanNode span = TraceForest.of(List.of(span("mail jane.doe@example.com", id(1)).service("mailer").build()))
        .spans().get(0);
    Redactions redactions = new Redactions();

    assertThat(redactions.describe(span)).isEqualTo(SpanDescriptions.describe(span))
        .isEqualTo("\"mail j***@e***.com\" (mailer)");
    assertThat(redactions.describe(span)).isEqualTo(SpanDescriptions.describe(span));
    assertThat(redactions.of("call +44 7700 900123")).isEqualTo(Masking.redact("call +44 7700 900123"))
        .doesNotContain("7700 900");
    assertThat(redactions.of(null)).isNull();
  }

  @Test
  void keepsABoundedNumberOfTextsAndMasksTheOthersEachTime() {
    Redactions redactions = new Redactions();
    for (int i = 0; i < Redactions.MOST_KEPT + 10; i++) {
      String text = "user" + i + "@example.com";
      assertThat(redactions.of(text)).isEqualTo(Masking.redact(text));
    }
    String last = "user" + (Redactions.MOST_KEPT + 9) + "@example.com";
    assertThat(redactions.of(last)).isEqualTo(Masking.redact(last)).isNotEqualTo(last);
  }
}
