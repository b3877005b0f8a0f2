package io.github.tracecheck.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A detector from a regular expression and an optional validator, for the built-in detectors and
 * for users' own: {@code RegexDetector.of("customer-id", "an internal customer id", "CUST-\\d{8}")}.
 * When the pattern has a group named {@code value}, that group is the detected value. {@link
 * #withCredential()} marks what it finds as credentials and {@link #withMasking} gives it its own
 * masking.
 */
public class RegexDetector implements PiiDetector {

  private final String name;
  private final String description;
  private final List<Pattern> patterns;
  // Whether each pattern marks the value with a group named "value": read once, not per text.
  private final boolean[] namedValue;
  private final Predicate<String> validator;
  private final Predicate<String> prefilter;
  private final Predicate<String> flaggedKeys;
  private final boolean credential;
  private final Function<String, String> masking;
  // The TextCues bit of the built-in detector this one derives from: PiiScanner skips it on texts without it.
  private final int cue;

  protected RegexDetector(String name, String description, Pattern pattern, Predicate<String> validator) {
    this(name, description, List.of(pattern), validator, text -> true, key -> false, false, Masking::generic,
        TextCues.ALWAYS);
  }

  private RegexDetector(
      String name,
      String description,
      List<Pattern> patterns,
      Predicate<String> validator,
      Predicate<String> prefilter,
      Predicate<String> flaggedKeys,
      boolean credential,
      Function<String, String> masking,
      int cue) {
    this.name = Objects.requireNonNull(name, "name");
    this.description = Objects.requireNonNull(description, "description");
    this.patterns = List.copyOf(patterns);
    this.namedValue = new boolean[patterns.size()];
    for (int i = 0; i < patterns.size(); i++) {
      namedValue[i] = patterns.get(i).pattern().contains("(?<value>");
    }
    this.validator = Objects.requireNonNull(validator, "validator");
    this.prefilter = Objects.requireNonNull(prefilter, "prefilter");
    this.flaggedKeys = Objects.requireNonNull(flaggedKeys, "flaggedKeys");
    this.credential = credential;
    this.masking = Objects.requireNonNull(masking, "masking");
    this.cue = cue;
  }

  /**
   * This detector with a cheap test that a text must pass before the regular expressions run, e.g.
   * {@code text -> text.indexOf('@') >= 0} for emails: most telemetry strings fail it at once.
   */
  public RegexDetector withPrefilter(Predicate<String> test) {
    // A new prefilter may let through texts the built-in's cue would skip: the scanner runs this one on all.
    return new RegexDetector(
        name, description, patterns, validator, test, flaggedKeys, credential, masking, TextCues.ALWAYS);
  }

  /**
   * This detector, run by a {@link PiiScanner} only on texts holding the cue: for the built-in
   * detectors, whose cue is a necessary condition of their prefilter or expression.
   */
  RegexDetector withCue(int textCue) {
    return new RegexDetector(name, description, patterns, validator, prefilter, flaggedKeys, credential, masking,
        textCue);
  }

  /** The {@link TextCues} bit this detector needs; {@link TextCues#ALWAYS} for users' own detectors. */
  int cue() {
    return cue;
  }

  /** This detector, also flagging every value under the attribute keys the predicate accepts. */
  public RegexDetector withFlaggedKeys(Predicate<String> keys) {
    return new RegexDetector(name, description, patterns, validator, prefilter, keys, credential, masking, cue);
  }

  /** This detector, finding credentials (tokens, passwords, keys) rather than personal data. */
  public RegexDetector withCredential() {
    return new RegexDetector(name, description, patterns, validator, prefilter, flaggedKeys, true, masking, cue);
  }

  /**
   * This detector, masking what it finds with the given function instead of the generic masking
   * (first two characters and {@code ***}), e.g. to keep the last four digits of an account number.
   * The function gets a value the detector found and must not return it unmasked.
   */
  public RegexDetector withMasking(Function<String, String> mask) {
    return new RegexDetector(name, description, patterns, validator, prefilter, flaggedKeys, credential, mask, cue);
  }

  /** A detector flagging every match of {@code regex}. */
  public static RegexDetector of(String name, String description, String regex) {
    return of(name, description, regex, value -> true);
  }

  /**
   * A detector flagging the matches of {@code regex} that the validator accepts.
   *
   * @throws IllegalArgumentException when the regex is not valid, with the reason
   */
  public static RegexDetector of(String name, String description, String regex, Predicate<String> validator) {
    return anyOf(name, description, validator, regex);
  }

  /** A detector flagging the matches of any of the regexes that the validator accepts. */
  public static RegexDetector anyOf(
      String name, String description, Predicate<String> validator, String... regexes) {
    List<Pattern> patterns = new ArrayList<>();
    for (String regex : regexes) {
      try {
        patterns.add(Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "detector '" + name + "': invalid regular expression: " + e.getDescription() + " near index "
                + e.getIndex() + " of " + regex, e);
      }
    }
    return new RegexDetector(
        name, description, patterns, validator, text -> true, key -> false, false, Masking::generic, TextCues.ALWAYS);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<PiiMatch> find(String text) {
    if (!prefilter.test(text)) {
      return List.of();
    }
    List<PiiMatch> found = new ArrayList<>(0);
    for (int i = 0; i < patterns.size(); i++) {
      Matcher matcher = patterns.get(i).matcher(text);
      boolean named = namedValue[i];
      while (matcher.find()) {
        int start = named ? matcher.start("value") : matcher.start();
        int end = named ? matcher.end("value") : matcher.end();
        if (start >= 0 && validator.test(text.substring(start, end))) {
          found.add(new PiiMatch(name, start, end));
        }
      }
    }
    return found;
  }

  @Override
  public boolean flagsKey(String attributeKey) {
    return flaggedKeys.test(attributeKey);
  }

  @Override
  public boolean isCredential() {
    return credential;
  }

  @Override
  public String mask(String value) {
    return masking.apply(value);
  }
}
