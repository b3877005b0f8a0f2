package io.github.tracecheck.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.PiiRule;
import io.github.tracecheck.rules.RuleOptions;
import io.github.tracecheck.testing.RealSdk;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each detector says how it masks what it finds and whether that is a credential. */
class PiiDetectorTest {

  /** A user's detector written before masking and credentials were the detector's: it still compiles. */
  static final class TicketDetector implements PiiDetector {
    private static final Pattern TICKET = Pattern.compile("TKT-\\d{6}");

    @Override
    public String name() {
      return "ticket";
    }

    @Override
    public String description() {
      return "a support ticket number";
    }

    @Override
    public List<PiiMatch> find(String text) {
      List<PiiMatch> found = new ArrayList<>();
      Matcher matcher = TICKET.matcher(text);
      while (matcher.find()) {
        found.add(new PiiMatch(name(), matcher.start(), matcher.end()));
      }
      return found;
    }
  }

  @Test
  void aDetectorThatSaysNothingIsNotACredentialAndMasksGenerically() {
    PiiDetector ticket = new TicketDetector();

    assertThat(ticket.isCredential()).isFalse();
    assertThat(ticket.mask("TKT-123456")).isEqualTo("TK***");
    assertThat(ticket.mask("TKT")).isEqualTo("***");
    assertThat(Masking.generic("abcde")).isEqualTo("ab***");
    assertThat(Masking.generic("abcd")).isEqualTo("***");
  }

  @Test
  void theBuiltInCredentialDetectorsAreTokensKeysAndPasswords() {
    assertThat(Detectors.builtIn().stream().filter(PiiDetector::isCredential).map(PiiDetector::name))
        .containsExactly("jwt", "authorization", "url-credentials", "aws-access-key", "private-key");
  }

  @Test
  void eachBuiltInDetectorMasksInItsOwnWay() {
    assertThat(Detectors.EMAIL.mask("john.doe@example.com")).isEqualTo("j***@e***.com");
    assertThat(Detectors.CARD_NUMBER.mask("4111-1111-1111-1111")).isEqualTo("4111 **** **** 1111");
    assertThat(Detectors.US_SSN.mask("123-45-6789")).isEqualTo("***-**-****");
    assertThat(Detectors.PRIVATE_KEY.mask("-----BEGIN RSA PRIVATE KEY-----")).isEqualTo("-----BEGIN *** PRIVATE KEY-----");
    assertThat(Detectors.JWT.mask("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig")).isEqualTo("ey***");
    assertThat(Detectors.IBAN.mask("DE89370400440532013000")).isEqualTo("DE***");
  }

  @Test
  void maskingByNameIsTheBuiltInDetectorsMaskingAndGenericForOtherNames() {
    String[] values = {"john.doe@example.com", "4111 1111 1111 1111", "123-45-6789", "-----BEGIN PRIVATE KEY-----", "xy"};
    for (PiiDetector detector : Detectors.builtIn()) {
      for (String value : values) {
        if (!detector.find(value).isEmpty()) {
          assertThat(Masking.mask(detector.name(), value)).as(detector.name()).isEqualTo(detector.mask(value));
        }
      }
    }
    assertThat(Masking.mask("ticket", "TKT-123456")).isEqualTo("TK***");
  }

  @Test
  void aRegexDetectorCanBeMarkedCredentialAndCarryItsMasking() {
    RegexDetector account =
        RegexDetector.of("account", "an account number", "ACC-\\d{8}")
            .withMasking(value -> "ACC-****" + value.substring(value.length() - 4))
            .withCredential()
            .withPrefilter(text -> text.contains("ACC-"));

    assertThat(account.isCredential()).isTrue();
    assertThat(account.mask("ACC-12345678")).isEqualTo("ACC-****5678");
    assertThat(account.find("paid from ACC-12345678")).singleElement().satisfies(m -> assertThat(m.start()).isEqualTo(10));
    assertThat(RegexDetector.of("plain", "a plain value", "P-\\d+").isCredential()).isFalse();
  }

  @Test
  void theRuleReportsWithTheDetectorsMaskingAndCredentialAdvice() {
    RegexDetector account =
        RegexDetector.of("account", "an account number", "ACC-\\d{8}")
            .withMasking(value -> "ACC-****" + value.substring(value.length() - 4))
            .withCredential();
    try (RealSdk sdk = new RealSdk()) {
      sdk.tracer("billing").spanBuilder("charge").setAttribute("payer", "ACC-12345678")
          .setAttribute("ticket", "TKT-654321").startSpan().end();

      List<Finding> findings =
          new PiiRule().check(sdk.snapshot(), RuleOptions.defaults().withPiiDetectors(List.of(account, new TicketDetector())));

      // The SDK's attribute order differs between versions: the pairs are what matters.
      assertThat(findings).extracting(Finding::message, Finding::likelyCause).containsExactlyInAnyOrder(
          tuple("span \"charge\" (billing) has an account number [account] in attribute \"payer\": ACC-****5678",
              "credentials must never be recorded: stop capturing this header or parameter, or redact it before export"
                  + " (e.g. in the Collector)"),
          tuple("span \"charge\" (billing) has a support ticket number [ticket] in attribute \"ticket\": TK***",
              "the instrumentation records user data: drop or hash the attribute, or redact it before export"
                  + " (e.g. in the Collector)"));
    }
  }
}
