package io.github.tracecheck.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The scanner reads a text once for every detector together and runs a detector only where its cue
 * is: what it finds is exactly what each detector finds alone, and clean telemetry runs none.
 */
class PiiScannerTest {

  /** What each detector finds alone, in the order of the detectors, as the scanner reports it. */
  private static List<String> eachAlone(List<PiiDetector> detectors, String text) {
    List<String> found = new ArrayList<>();
    for (PiiDetector detector : detectors) {
      for (PiiMatch match : detector.find(text)) {
        found.add(detector.name() + "@" + match.start() + "-" + match.end());
      }
    }
    return found;
  }

  private static List<String> together(PiiScanner scanner, String text) {
    return scanner.scan(text).stream()
        .map(f -> f.detector().name() + "@" + f.match().start() + "-" + f.match().end())
        .toList();
  }

  private static List<String> corpus(String name) throws IOException {
    try (InputStream in = PiiScannerTest.class.getResourceAsStream("/pii-corpus/" + name)) {
      List<String> texts = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          texts.add(line.substring(line.indexOf('\t') + 1).replace("\\n", "\n"));
        }
      }
      return texts;
    }
  }

  @Test
  void findsOnEveryCorpusLineExactlyWhatEachDetectorFindsAlone() throws IOException {
    PiiScanner scanner = PiiScanner.of(Detectors.builtIn());
    List<String> texts = new ArrayList<>(corpus("positives.tsv"));
    texts.addAll(corpus("negatives.tsv"));
    int withFindings = 0;
    for (String text : texts) {
      List<String> expected = eachAlone(Detectors.builtIn(), text);
      assertThat(together(scanner, text)).as(text).isEqualTo(expected);
      withFindings += expected.isEmpty() ? 0 : 1;
    }
    assertThat(withFindings).as("corpus lines with findings").isGreaterThanOrEqualTo(300);
  }

  @Provide
  Arbitrary<String> cueDenseTexts() {
    // The characters and words the cues look for, so that near-misses of every cue are common.
    return Arbitraries.oneOf(
            Arbitraries.of("@", ".", ":", "//", "-", "=", " ", "\t", "\n", "+", "(", ")", "eyJ", "A", "AKIA", "KIA",
                "PRIVATE KEY", "-----BEGIN ", "bearer ", "Basic\t", "token", "?", "&", "x", "GB", "DE89", "_", "/",
                "+44 ", "(415) ", "555-2671", " ext. ", " x", "#", "07700 900", "tel:", "b", "f", "ó"),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(19),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
            Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(16).ofMaxLength(16))
        .list().ofMaxSize(14)
        .map(parts -> String.join("", parts));
  }

  @Property(tries = 10000)
  void findsInAnyTextExactlyWhatEachDetectorFindsAlone(@ForAll("cueDenseTexts") String text) {
    assertThat(together(PiiScanner.of(Detectors.builtIn()), text))
        .isEqualTo(eachAlone(Detectors.builtIn(), text));
  }

  @Test
  void cleanTelemetryRunsNoDetector() {
    List<String> ran = new ArrayList<>();
    PiiScanner scanner = PiiScanner.observed(Detectors.defaults(), (detector, text) -> ran.add(detector.name()));
    for (String text : List.of("GET", "POST /checkout", "/api/v1/orders/{id}",
        "https://shop.example.com/api/v1/orders/123456?page=3", "http.request.method", "url.full",
        "SELECT id, status FROM orders WHERE customer_id = ? AND created_at > ?",
        "inventory.prod.svc.cluster.local", "pool-2-thread-11", "4bf92f3577b34da6a3ce929d0e0e4736",
        "order 81234 not found", "java.lang.IllegalStateException")) {
      assertThat(scanner.scan(text)).as(text).isEmpty();
    }
    assertThat(ran).isEmpty();

    // Digits separated by dashes, as a phone number is written, but inside an id: libphonenumber is not asked.
    assertThat(scanner.scan("6666cd76-f969-3646-9e7b-e39d750cc7d9")).isEmpty();
    assertThat(ran).isEmpty();

    // Eight digits of a version between words: the same.
    assertThat(scanner.scan("Chrome/126.0.6478.126 Safari/537.36")).isEmpty();
    assertThat(ran).isEmpty();
  }

  @Test
  void runsOnlyTheDetectorsWhoseCueTheTextHolds() {
    List<String> ran = new ArrayList<>();
    PiiScanner scanner = PiiScanner.observed(Detectors.defaults(), (detector, text) -> ran.add(detector.name()));

    assertThat(scanner.scan("signed up as jane.doe@example.com")).singleElement()
        .satisfies(f -> assertThat(f.detector().name()).isEqualTo("email"));
    assertThat(ran).containsExactly("email");

    ran.clear();
    assertThat(scanner.scan("paid with 4111 1111 1111 1111")).singleElement()
        .satisfies(f -> assertThat(f.detector().name()).isEqualTo("card-number"));
    // Separated digit groups may be a phone number too: libphonenumber is asked, and says no.
    assertThat(ran).containsExactly("card-number", "phone");

    ran.clear();
    // Whether a detector ran says which scans are worth keeping for a text's next occurrence.
    assertThat(scanner.scanned("order 81234 not found").ranDetectors()).isFalse();
    assertThat(scanner.scanned("(415) 555-0199 ext").ranDetectors()).isTrue();
    assertThat(ran).containsExactly("phone");

    ran.clear();
    assertThat(scanner.scan("Authorization: Bearer abcdef0123456789")).singleElement()
        .satisfies(f -> assertThat(f.detector().name()).isEqualTo("authorization"));
    assertThat(ran).containsExactly("authorization");
  }

  @Test
  void aDetectorOffByDefaultRunsOnTheTextsHoldingItsCueWhenItIsTheOnlyOne() {
    List<String> ran = new ArrayList<>();
    PiiScanner scanner = PiiScanner.observed(List.of(Detectors.IP_ADDRESS), (detector, text) -> ran.add(text));

    assertThat(scanner.scan("GET /orders")).isEmpty();
    assertThat(scanner.scan("inventory.prod.svc.cluster.local")).isEmpty();
    assertThat(scanner.scan("peer 10.0.0.7")).singleElement()
        .satisfies(f -> assertThat(f.detector()).isSameAs(Detectors.IP_ADDRESS));
    assertThat(ran).containsExactly("inventory.prod.svc.cluster.local", "peer 10.0.0.7");
  }

  @Test
  void detectorsOfOnesOwnRunOnEveryText() {
    PiiDetector customerId = RegexDetector.of("customer-id", "an internal customer id", "CUST-\\d{8}");
    PiiDetector looserEmail = Detectors.EMAIL instanceof RegexDetector email
        ? email.withPrefilter(text -> true) : Detectors.EMAIL;
    List<String> ran = new ArrayList<>();
    PiiScanner scanner = PiiScanner.observed(List.of(customerId, looserEmail), (detector, text) -> ran.add(text));

    assertThat(scanner.scan("GET")).isEmpty();
    assertThat(scanner.scan("customer CUST-12345678")).singleElement()
        .satisfies(f -> assertThat(f.detector()).isSameAs(customerId));

    // A new prefilter replaces the built-in's cue: the detector is no longer skipped.
    assertThat(ran).containsExactly("GET", "GET", "customer CUST-12345678", "customer CUST-12345678");
  }
}
