package io.github.tracecheck.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Masks detected values, so that the tool that finds a leak does not leak it again into CI logs.
 * Each detector owns its masking ({@link PiiDetector#mask}): {@code john.doe@example.com} prints as
 * {@code j***@e***.com}, a card as {@code 4111 **** **** 1111}, anything else as its first two
 * characters and {@code ***} ({@link #generic}).
 */
public final class Masking {

  private static final Map<String, PiiDetector> BUILT_IN_BY_NAME =
      Detectors.builtIn().stream().collect(Collectors.toUnmodifiableMap(PiiDetector::name, Function.identity()));

  // Free text is read once for every default detector together.
  private static final PiiScanner DEFAULTS = PiiScanner.of(Detectors.defaults());

  private Masking() {}

  /**
   * The masked form of a value the built-in detector of this name found; the generic form for any
   * other name. With a detector at hand, call its {@link PiiDetector#mask} instead: a user's detector
   * may mask differently.
   */
  public static String mask(String detector, String value) {
    PiiDetector builtIn = BUILT_IN_BY_NAME.get(detector);
    return builtIn == null ? generic(value) : builtIn.mask(value);
  }

  /**
   * The masking of values without a recognisable shape: the first two characters and {@code ***},
   * or only {@code ***} for values of four characters or fewer.
   */
  public static String generic(String value) {
    return value.length() <= 4 ? "***" : value.substring(0, 2) + "***";
  }

  /** The text with every value the default detectors find masked, each by its detector. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    List<PiiScanner.Found> found = matches(text);
    if (found.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (PiiScanner.Found each : found) {
      PiiMatch match = each.match();
      out.append(text, at, match.start()).append(each.detector().mask(text.substring(match.start(), match.end())));
      at = match.end();
    }
    return out.append(text.substring(at)).toString();
  }

  /** Non-overlapping matches of the default detectors, left to right; of overlapping ones the longest wins. */
  private static List<PiiScanner.Found> matches(String text) {
    List<PiiScanner.Found> all = DEFAULTS.scan(text);
    if (all.isEmpty()) {
      return all;
    }
    all = new ArrayList<>(all);
    all.sort(Comparator.comparingInt((PiiScanner.Found f) -> f.match().start())
        .thenComparing(f -> -(f.match().end() - f.match().start())));
    List<PiiScanner.Found> kept = new ArrayList<>();
    for (PiiScanner.Found found : all) {
      if (kept.isEmpty() || !kept.get(kept.size() - 1).match().overlaps(found.match())) {
        kept.add(found);
      }
    }
    return kept;
  }
}
