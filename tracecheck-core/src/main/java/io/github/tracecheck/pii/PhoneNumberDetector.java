package io.github.tracecheck.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Phone numbers, recognised by libphonenumber: international numbers ({@code +44 7700 900123}) in
 * any country, and national formats ({@code 07700 900123}, {@code (415) 555-2671}) of the regions
 * given, where they must be valid numbers of that region. Only numbers written as people write
 * them are reported: with a {@code +}, a parenthesised area code or separated digit groups, so that
 * ids, timestamps and counters (bare digit runs) are not.
 */
public final class PhoneNumberDetector implements PiiDetector {

  /** The regions whose national formats are accepted unless a setting says otherwise. */
  public static final Set<String> DEFAULT_REGIONS = Set.of("US", "GB");

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private final Set<String> regions;

  private PhoneNumberDetector(Set<String> regions) {
    this.regions = regions;
  }

  /**
   * A detector accepting the national formats of these regions (ISO 3166 codes such as {@code GB});
   * international numbers are found whatever the regions.
   *
   * @throws IllegalArgumentException naming a region libphonenumber does not know
   */
  public static PhoneNumberDetector forRegions(Collection<String> regionCodes) {
    Set<String> regions = new TreeSet<>();
    for (String code : regionCodes) {
      String region = code.strip().toUpperCase(Locale.ROOT);
      if (!PHONES.getSupportedRegions().contains(region)) {
        throw new IllegalArgumentException("'" + code.strip() + "' is not a region libphonenumber knows; use ISO 3166"
            + " codes such as US, GB, DE");
      }
      regions.add(region);
    }
    return new PhoneNumberDetector(regions);
  }

  /** The {@link TextCues} bit a text needs before libphonenumber is asked: digits written as a number. */
  int cue() {
    return TextCues.WRITTEN_PHONE;
  }

  /** The regions whose national formats this detector accepts. */
  public Set<String> regions() {
    return regions;
  }

  @Override
  public String name() {
    return "phone";
  }

  @Override
  public String description() {
    return "a phone number";
  }

  @Override
  public List<PiiMatch> find(String text) {
    if (!Detectors.digits(text, 8) || !looksWritten(text)) {
      return List.of();
    }
    List<PiiMatch> found = new ArrayList<>();
    // "ZZ": no region, international numbers only; then each region's national formats.
    scan(text, "ZZ", found);
    for (String region : regions) {
      scan(text, region, found);
    }
    found.sort(Comparator.comparingInt(PiiMatch::start));
    List<PiiMatch> distinct = new ArrayList<>();
    for (PiiMatch match : found) {
      if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).overlaps(match)) {
        distinct.add(match);
      }
    }
    return distinct;
  }

  private void scan(String text, String region, List<PiiMatch> found) {
    for (PhoneNumberMatch match : PHONES.findNumbers(text, region, PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
      String raw = match.rawString();
      if (!looksWritten(raw) || !Detectors.plausiblePhone(raw) || !boundedByNonWord(text, match.start(), match.end())) {
        continue;
      }
      PhoneNumber number = match.number();
      boolean international = raw.startsWith("+");
      if (international || nationalNumberOf(raw, number, region)) {
        found.add(new PiiMatch(name(), match.start(), match.end()));
      }
    }
  }

  /**
   * A valid number of the region, or a possible one (of the region's lengths) written with the
   * region's trunk prefix, as {@code 07700 900123} in the UK: the ranges set aside for fiction are
   * not "valid", yet they are what test data holds.
   */
  private static boolean nationalNumberOf(String raw, PhoneNumber number, String region) {
    if (PHONES.isValidNumberForRegion(number, region)) {
      return true;
    }
    String trunk = PHONES.getNddPrefixForRegion(region, true);
    String digits = raw.startsWith("(") ? raw.substring(1) : raw;
    return trunk != null && !trunk.isEmpty() && !trunk.equals("1") && digits.startsWith(trunk)
        && number.getCountryCode() == PHONES.getCountryCodeForRegion(region) && PHONES.isPossibleNumber(number);
  }

  /** A {@code +}, an opening parenthesis, or digit groups separated by a space, dash or dot. */
  private static boolean looksWritten(String text) {
    if (text.indexOf('+') >= 0 || text.indexOf('(') >= 0) {
      return true;
    }
    for (int i = 1; i + 1 < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == ' ' || c == '-' || c == '.') && Character.isDigit(text.charAt(i - 1))
          && Character.isDigit(text.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  /** Not part of a longer word, id, path or number (a version such as {@code 126.0.8252.114}). */
  private static boolean boundedByNonWord(String text, int start, int end) {
    boolean before = start == 0 || !isWordChar(text.charAt(start - 1)) && text.charAt(start - 1) != '.'
        && text.charAt(start - 1) != '/';
    boolean after = end == text.length() || !isWordChar(text.charAt(end))
        && !(text.charAt(end) == '.' && end + 1 < text.length() && Character.isDigit(text.charAt(end + 1)));
    return before && after;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }
}
