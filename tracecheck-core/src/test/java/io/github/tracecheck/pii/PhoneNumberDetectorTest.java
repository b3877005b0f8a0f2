package io.github.tracecheck.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Phone numbers by region with libphonenumber, and the numbers a naive pattern would take for one. */
class PhoneNumberDetectorTest {

  private static List<String> found(PiiDetector detector, String text) {
    return detector.find(text).stream().map(m -> text.substring(m.start(), m.end())).toList();
  }

  @Test
  void aUkNationalNumberIsFoundWithTheDefaultRegions() {
    assertThat(found(Detectors.PHONE, "IllegalStateException: no account for caller 07700 900123"))
        .containsExactly("07700 900123");
    assertThat(found(Detectors.PHONE, "call (415) 555-2671 or 415-555-2671"))
        .containsExactly("(415) 555-2671", "415-555-2671");
  }

  @Test
  void internationalNumbersAreFoundWhateverTheRegions() {
    PhoneNumberDetector usOnly = PhoneNumberDetector.forRegions(List.of("us"));
    assertThat(found(usOnly, "phone=+44 7700 900123")).containsExactly("+44 7700 900123");
    assertThat(found(usOnly, "call +49 30 901820")).containsExactly("+49 30 901820");
  }

  @Test
  void nationalFormatsOfRegionsNotAcceptedAreNotFound() {
    PhoneNumberDetector usOnly = PhoneNumberDetector.forRegions(List.of("US"));
    assertThat(found(usOnly, "caller 07700 900123")).isEmpty();
    assertThat(found(PhoneNumberDetector.forRegions(List.of("DE")), "Rückruf 030 901820")).containsExactly("030 901820");
  }

  @Test
  void idsTimestampsAndCountersAreNotPhoneNumbers() {
    for (String text : List.of(
        "order 4155552671", "ts=1700000000123", "span 00f067aa0ba902b7", "retry 3 of 5, 120 ms",
        "version 2.31.1", "build 2026.12.04", "order-07700-900123x", "GET /orders/0770090012", "10.0.0.1:8080")) {
      assertThat(found(Detectors.PHONE, text)).as(text).isEmpty();
    }
  }

  @Test
  void anUnknownRegionIsAnErrorNamingIt() {
    assertThatThrownBy(() -> PhoneNumberDetector.forRegions(List.of("UK")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'UK' is not a region libphonenumber knows; use ISO 3166 codes such as US, GB, DE");
  }

  @Test
  void aCardNumberInAnAttributeKeyIsFound() {
    assertThat(found(Detectors.CARD_NUMBER, "payment.card.4111111111111111.status")).containsExactly("4111111111111111");
    assertThat(found(Detectors.CARD_NUMBER, "pan_5500005555555559")).containsExactly("5500005555555559");
    assertThat(Masking.redact("payment.card.4111111111111111.status")).isEqualTo("payment.card.4111 **** **** 1111.status");
    // an id whose digits are no valid card stays
    assertThat(found(Detectors.CARD_NUMBER, "order.4111111111111112.status")).isEmpty();
  }
}
