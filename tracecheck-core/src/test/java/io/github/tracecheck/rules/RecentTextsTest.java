package io.github.tracecheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The table of recent texts' scans: two slots per text, the newest first, costly scans kept against
 * cheap newcomers. A table of 2^1 slots is one pair, which every text shares.
 */
class RecentTextsTest {

  @Test
  void keepsAValueForAnEqualTextOfAnotherInstance() {
    RecentTexts<String> table = new RecentTexts<>(4);
    table.put("POST /checkout", "scan", false);

    assertThat(table.get(new String("POST /checkout"))).isEqualTo("scan");
    assertThat(table.get("POST /orders")).isNull();
  }

  @Test
  void keepsTheTwoNewestTextsOfASlotPair() {
    RecentTexts<String> table = new RecentTexts<>(1);
    table.put("GET", "1", false);
    table.put("POST", "2", false);
    assertThat(table.get("GET")).isEqualTo("1");
    assertThat(table.get("POST")).isEqualTo("2");

    table.put("PUT", "3", false);
    assertThat(table.get("GET")).isNull();
    assertThat(table.get("POST")).isEqualTo("2");
    assertThat(table.get("PUT")).isEqualTo("3");
  }

  @Test
  void aCostlyValueStaysAgainstCheapNewcomers() {
    RecentTexts<String> table = new RecentTexts<>(1);
    table.put("costly", "c", true);
    table.put("cheap 1", "1", false);
    table.put("cheap 2", "2", false);
    table.put("cheap 3", "3", false);

    assertThat(table.get("costly")).isEqualTo("c");
    assertThat(table.get("cheap 2")).isNull();
    assertThat(table.get("cheap 3")).isEqualTo("3");
  }

  @Test
  void aCostlyNewcomerTakesTheCheapSlotFirstThenTheOldestCostly() {
    RecentTexts<String> table = new RecentTexts<>(1);
    table.put("costly 1", "c1", true);
    table.put("cheap", "x", false);
    table.put("costly 2", "c2", true);
    assertThat(table.get("cheap")).isNull();
    assertThat(table.get("costly 1")).isEqualTo("c1");
    assertThat(table.get("costly 2")).isEqualTo("c2");

    table.put("cheap again", "y", false);
    assertThat(table.get("cheap again")).isNull();

    table.put("costly 3", "c3", true);
    assertThat(table.get("costly 3")).isEqualTo("c3");
    assertThat(table.get("costly 2")).isEqualTo("c2");
    assertThat(table.get("costly 1")).isNull();
  }
}
