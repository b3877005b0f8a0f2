package io.github.tracecheck.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleInfoTest {

  @ParameterizedTest
  @ValueSource(strings = {"pii", "orphaned-root", "no-debug-spans", "rule2", "http2-server", "a-1"})
  void namesAreLowerCaseWordsJoinedByHyphens(String name) {
    assertThat(RuleInfo.of(name, "a summary", RuleMode.FAIL).name()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Orphaned-Root", "orphaned_root", "orphaned root", "-orphaned", "orphaned-", "a--b",
      "2rules", "règle", "orphaned.root"})
  void otherNamesAreRejectedWithAnExample(String name) {
    assertThatThrownBy(() -> RuleInfo.of(name, "a summary", RuleMode.FAIL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule name '" + name + "' must be lower-case words joined by hyphens, e.g. 'orphaned-root'");
  }

  @Test
  void nullsAreRejectedByName() {
    assertThatThrownBy(() -> RuleInfo.of(null, "a summary", RuleMode.FAIL))
        .isInstanceOf(NullPointerException.class).hasMessage("name");
    assertThatThrownBy(() -> RuleInfo.of("x", null, RuleMode.FAIL))
        .isInstanceOf(NullPointerException.class).hasMessage("summary");
    assertThatThrownBy(() -> RuleInfo.of("x", "a summary", null))
        .isInstanceOf(NullPointerException.class).hasMessage("defaultMode");
  }

  @Test
  void theSummaryIsOneLineWithoutSurroundingWhiteSpace() {
    assertThat(RuleInfo.of("x", "  spans named debug* must not reach production\n", RuleMode.WARN).summary())
        .isEqualTo("spans named debug* must not reach production");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "first line\nsecond line"})
  void anEmptyOrMultiLineSummaryIsRejected(String summary) {
    assertThatThrownBy(() -> RuleInfo.of("no-debug-spans", summary, RuleMode.WARN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule 'no-debug-spans': the summary must be one non-empty line");
  }

  @Test
  void withConventionsReturnsACopyThatNotesThem() {
    RuleInfo plain = RuleInfo.of("no-debug-spans", "debug spans must not reach production", RuleMode.WARN);

    RuleInfo noted = plain.withConventions("span name", "http.route");

    assertThat(noted.conventions()).containsExactly("span name", "http.route");
    assertThat(noted.name()).isEqualTo("no-debug-spans");
    assertThat(noted.summary()).isEqualTo("debug spans must not reach production");
    assertThat(noted.defaultMode()).isEqualTo(RuleMode.WARN);
    assertThat(plain.conventions()).isEmpty();
    assertThat(noted).isNotEqualTo(plain);
    assertThat(noted.withConventions("other").conventions()).containsExactly("other");
    assertThatThrownBy(() -> noted.conventions().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalByEveryFieldAndPrintedWithTheMode() {
    RuleInfo one = RuleInfo.of("no-debug-spans", "debug spans", RuleMode.WARN).withConventions("span name");
    RuleInfo same = RuleInfo.of("no-debug-spans", "debug spans", RuleMode.WARN).withConventions("span name");

    assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(one).isNotEqualTo(RuleInfo.of("no-debug-spans", "debug spans", RuleMode.FAIL).withConventions("span name"));
    assertThat(one.toString()).isEqualTo("no-debug-spans (warn): debug spans");
  }
}
