package io.github.tracecheck.assertj;

import static io.github.tracecheck.assertj.TraceCheckAssertions.assertThat;
import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.pii.Detectors;
import io.github.tracecheck.rules.RuleOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiiAssertionsTest {

  private static final TraceForest LEAKY =
      TraceForest.of(
          List.of(
              span("POST /login", id(1)).attr("user.email", "jane.doe@example.com")
                  .attr("http.request.header.authorization", "REDACTED")
                  .attr("url.full", "https://shop.example.com/cb?access_token=REDACTED")
                  .attr("http.request.header.cookie", "session=abc123def456")
                  .attr("db.statement", "SELECT * FROM users WHERE id = 42")
                  .build()));
  private static final SpanNode SPAN = LEAKY.traces().get(0).firstRoot();

  @Test
  void hasNoPiiFailsWithMaskedValuesOnly() {
    assertThatThrownBy(() -> assertThat(LEAKY).hasNoPii())
        .hasMessageStartingWith("\nExpecting the captured traces to have no PII, but found 2 problems:\n\n1. [pii] ")
        .hasMessageContaining("[pii] span \"POST /login\" (svc) has an email address [email] in attribute \"user.email\":"
            + " j***@e***.com")
        .hasMessageContaining("has an Authorization header credential [authorization] in attribute"
            + " \"http.request.header.cookie\": se***")
        .hasMessageNotContaining("jane.doe@example.com")
        .hasMessageNotContaining("abc123def456");
    assertThat(LEAKY)
        .usingRuleOptions(RuleOptions.defaults().withPiiDetectors(List.of(Detectors.AWS_ACCESS_KEY)))
        .hasNoPii();
  }

  @Test
  void hasNoSqlLiterals() {
    assertThatThrownBy(() -> assertThat(LEAKY).hasNoSqlLiterals())
        .hasMessageContaining("[sql-literal] span \"POST /login\" (svc): SQL statement is not parameterized: literal 4***"
            + " in WHERE");
  }

  @Test
  void redactedAttributes() {
    assertThat(SPAN).hasRedactedAttribute("http.request.header.authorization").hasRedactedAttribute("url.full");

    assertThatThrownBy(() -> assertThat(SPAN).hasRedactedAttribute("user.email"))
        .hasMessageStartingWith(
            "\nExpecting span POST /login [INTERNAL] svc {url.full=https://shop.example.com/cb?access_token=REDACTED}"
                + " 1.0 ms\n"
                + "to have attribute user.email redacted:\n"
                + "  (no value any PII detector finds)\n"
                + "but was:\n"
                + "  an email address [email]: j***@e***.com\n");
    assertThatThrownBy(() -> assertThat(SPAN).hasRedactedAttribute("http.request.header.cookie"))
        .hasMessageContaining("but was:\n  an Authorization header credential [authorization]: se***\n");
    assertThatThrownBy(() -> assertThat(SPAN).hasRedactedAttribute("missing"))
        .hasMessageContaining("to have attribute (redacted):\n  missing\nbut was:\n  (no such attribute)");
  }

  @Test
  void failureMessagesOfOtherAssertionsMaskDetectedValues() {
    assertThatThrownBy(() -> assertThat(SPAN).hasAttribute("user.email", "someone@else.org"))
        .hasMessageContaining("to have attribute user.email:\n  s***@e***.org\nbut was:\n  j***@e***.com")
        .hasMessageNotContaining("jane.doe");
  }
}
