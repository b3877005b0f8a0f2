package io.github.tracecheck.rules;

import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.pii.Detectors;
import io.github.tracecheck.pii.PiiAllowance;
import io.github.tracecheck.pii.PiiDetector;
import io.github.tracecheck.pii.PiiMatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each distinct text is scanned once by every detector; its other occurrences reuse what was found. */
class PiiScanOnceTest {

  /** The email detector, counting the texts it is asked to look at. */
  private static final class CountingEmail implements PiiDetector {
    private final PiiDetector email = Detectors.builtIn().stream().filter(d -> d.name().equals("email")).findFirst().orElseThrow();
    final List<String> scanned = new ArrayList<>();

    @Override
    public String name() {
      return email.name();
    }

    @Override
    public String description() {
      return email.description();
    }

    @Override
    public List<PiiMatch> find(String text) {
      scanned.add(text);
      return email.find(text);
    }

    @Override
    public String mask(String value) {
      return email.mask(value);
    }
  }

  @Test
  void aRepeatedTextIsScannedOnceAndEveryOccurrenceIsReported() {
    CountingEmail detector = new CountingEmail();
    TraceForest forest = TraceForest.of(List.of(
        span("GET /a", id(1)).attr("enduser.id", "jane.doe@example.com").attr("http.route", "/a").build(),
        span("GET /b", id(2)).parent(id(1)).attr("enduser.id", "jane.doe@example.com").attr("http.route", "/a").build()));

    List<Finding> findings = new PiiRule().check(forest, RuleOptions.defaults().withPiiDetectors(List.of(detector)));

    assertThat(findings).hasSize(2).allSatisfy(f -> assertThat(f.message()).contains("j***@e***.com"));
    assertThat(detector.scanned).containsOnlyOnce("jane.doe@example.com", "/a", "enduser.id", "http.route");
  }

  @Test
  void anAllowanceForOneOccurrenceDoesNotHideAnother() {
    CountingEmail detector = new CountingEmail();
    TraceForest forest = TraceForest.of(List.of(
        span("signup", id(1)).attr("enduser.id", "jane.doe@example.com").build(),
        span("audit", id(2)).parent(id(1)).attr("audit.actor", "jane.doe@example.com").build()));
    RuleOptions options = RuleOptions.defaults().withPiiDetectors(List.of(detector))
        .withPiiAllowances(List.of(PiiAllowance.of("email", "enduser.id", "*", "synthetic test users")));

    List<Finding> findings = new PiiRule().check(forest, options);

    assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).contains("audit.actor"));
    assertThat(detector.scanned).containsOnlyOnce("jane.doe@example.com");
  }

}
