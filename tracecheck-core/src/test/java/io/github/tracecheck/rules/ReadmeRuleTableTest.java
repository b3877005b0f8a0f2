package io.github.tracecheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's table of rules says what the rules' metadata says: names, default modes, summaries. */
class ReadmeRuleTableTest {

  // | `orphaned-root` | fail | <summary>. Details: ... | ... |
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| ([a-z]+) \\| ([^|]*)\\|", Pattern.MULTILINE);

  @Test
  void everyBuiltInRuleHasARowWithItsDefaultModeAndSummary() throws Exception {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    String table = readme.substring(readme.indexOf("| rule | default | catches | not flagged |"));
    table = table.substring(0, table.indexOf("\n\n"));

    Map<String, String[]> rows = new LinkedHashMap<>();
    Matcher row = ROW.matcher(table);
    while (row.find()) {
      rows.put(row.group(1), new String[] {row.group(2), row.group(3).strip()});
    }
    assertThat(rows.keySet())
        .containsExactlyInAnyOrderElementsOf(Rules.builtIn().stream().map(Rule::name).toList());
    for (Rule rule : Rules.builtIn()) {
      String[] cells = rows.get(rule.name());
      assertThat(cells[0]).as("default mode of %s", rule.name())
          .isEqualTo(rule.info().defaultMode().name().toLowerCase(Locale.ROOT));
      assertThat(cells[1]).as("summary of %s", rule.name()).startsWith(rule.info().summary() + ".");
    }
  }
}
