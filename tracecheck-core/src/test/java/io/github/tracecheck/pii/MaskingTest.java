package io.github.tracecheck.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  void masksEachKindOfValue() {
    assertThat(Masking.mask("email", "john.doe@example.com")).isEqualTo("j***@e***.com");
    assertThat(Masking.mask("card-number", "4111-1111-1111-1111")).isEqualTo("4111 **** **** 1111");
    assertThat(Masking.mask("us-ssn", "123-45-6789")).isEqualTo("***-**-****");
    assertThat(Masking.mask("jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig")).isEqualTo("ey***");
    assertThat(Masking.mask("url-credentials", "abc")).isEqualTo("***");
  }

  @Test
  void redactsEveryDetectedValueInAText() {
    assertThat(Masking.redact("mail john.doe@example.com, card 4111 1111 1111 1111, GET /x?access_token=abcdef123&page=2"))
        .isEqualTo("mail j***@e***.com, card 4111 **** **** 1111, GET /x?access_token=ab***&page=2");
    assertThat(Masking.redact("nothing to see: order 42 at 2026-11-24T10:00:00Z")).isEqualTo(
        "nothing to see: order 42 at 2026-11-24T10:00:00Z");
  }

  @Test
  void alreadyRedactedParametersAreNotFlagged() {
    assertThat(Detectors.URL_CREDENTIALS.find("/cb?access_token=REDACTED&x=1")).isEmpty();
    assertThat(Detectors.URL_CREDENTIALS.find("/cb?access_token=****")).isEmpty();
  }

  @Test
  void validatorsRejectLookAlikes() {
    assertThat(Detectors.CARD_NUMBER.find("4111 1111 1111 1112")).as("Luhn").isEmpty();
    assertThat(Detectors.US_SSN.find("666-12-3456")).as("never issued").isEmpty();
    assertThat(Detectors.US_SSN.find("123-00-4567")).as("group 00").isEmpty();
    assertThat(Detectors.IBAN.find("DE89370400440532013001")).as("mod 97").isEmpty();
    assertThat(Detectors.IBAN.find("DE89370400440532013000")).hasSize(1);
    assertThat(Detectors.JWT.find("eyJub3QganNvbg.eyJzdWIiOiIxIn0.sig")).as("header not JSON with alg").isEmpty();
    assertThat(Detectors.IP_ADDRESS.find("version 1.2.3.4.5")).isEmpty();
    assertThat(Detectors.IP_ADDRESS.find("peer 10.1.2.3 connected")).hasSize(1);
  }

  @Test
  void customDetectorsComeFromARegexAndAValidator() {
    PiiDetector customerId = RegexDetector.of("customer-id", "a customer id", "CUST-(?<value>\\d{8})", v -> !v.equals("00000000"));
    assertThat(customerId.find("CUST-12345678 and CUST-00000000")).singleElement()
        .satisfies(m -> assertThat(m.start()).isEqualTo(5));
    assertThatThrownBy(() -> RegexDetector.of("bad", "x", "([a-z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("detector 'bad': invalid regular expression: Unclosed character class near index 4");
  }
}
