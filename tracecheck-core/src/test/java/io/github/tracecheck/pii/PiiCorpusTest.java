package io.github.tracecheck.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Recall and false-positive rate of the detectors over the labeled corpus in
 * src/test/resources/pii-corpus (made by its generate.py): at least 300 positives covering every
 * detector and 2,000 negatives shaped like what instrumentation records.
 */
class PiiCorpusTest {

  private static List<String[]> read(String name) throws IOException {
    try (InputStream in = PiiCorpusTest.class.getResourceAsStream("/pii-corpus/" + name)) {
      List<String[]> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        rows.add(new String[] {line.substring(0, tab), line.substring(tab + 1).replace("\\n", "\n")});
      }
      return rows;
    }
  }

  private static PiiDetector detector(String name) {
    return Detectors.builtIn().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void recallAndFalsePositiveRateMeetTheTargets() throws IOException {
    List<String[]> positives = read("positives.tsv");
    List<String[]> negatives = read("negatives.tsv");
    assertThat(positives).hasSizeGreaterThanOrEqualTo(300);
    assertThat(negatives).hasSizeGreaterThanOrEqualTo(2000);
    assertThat(positives.stream().map(p -> p[0]).distinct())
        .containsExactlyInAnyOrderElementsOf(Detectors.builtIn().stream().map(PiiDetector::name).toList());

    List<String> missed = new ArrayList<>();
    for (String[] positive : positives) {
      if (detector(positive[0]).find(positive[1]).isEmpty()) {
        missed.add(positive[0] + ": " + positive[1]);
      }
    }
    List<String> falsePositives = new ArrayList<>();
    for (String[] negative : negatives) {
      for (PiiDetector detector : Detectors.defaults()) {
        if (!detector.find(negative[1]).isEmpty()) {
          falsePositives.add(negative[0] + " flagged by " + detector.name() + ": " + negative[1]);
        }
      }
    }
    double recall = 1.0 - (double) missed.size() / positives.size();
    double falsePositiveRate = (double) falsePositives.size() / negatives.size();
    System.out.printf(
        Locale.ROOT,
        "PII corpus: recall %.2f%% (%d of %d positives), false-positive rate %.3f%% (%d of %d negatives)%n",
        recall * 100, positives.size() - missed.size(), positives.size(),
        falsePositiveRate * 100, falsePositives.size(), negatives.size());

    assertThat(recall).as("recall; missed: %s", missed).isGreaterThanOrEqualTo(0.99);
    assertThat(falsePositiveRate).as("false-positive rate; flagged: %s", falsePositives).isLessThanOrEqualTo(0.001);
  }
}
