package io.github.tracecheck.pii;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The built-in detectors. Each one is a regular expression for the shape plus a validator for the
 * content (Luhn for cards, mod-97 for IBANs, issued ranges for SSNs, a JSON header for JWTs), which
 * is what keeps false positives on ids and timestamps rare. Each one masks what it finds in its
 * own way, and the ones finding tokens, passwords and keys are {@linkplain PiiDetector#isCredential()
 * credentials}.
 */
public final class Detectors {

  // Boundaries: not inside a longer word, number or id.
  private static final String NOT_AFTER_WORD = "(?<![\\p{Alnum}_.\\-+])";
  private static final String NOT_BEFORE_WORD = "(?![\\p{Alnum}_\\-])";
  // A card may also sit between the segments of an attribute key ("card.4111111111111111.status",
  // "pan_4111111111111111"): dots and underscores bound it too. The Luhn check and the issuer ranges
  // keep ids and numbers out.
  private static final String NOT_AFTER_KEY_SEGMENT = "(?<![\\p{Alnum}\\-+])";
  private static final String NOT_BEFORE_KEY_SEGMENT = "(?![\\p{Alnum}\\-])";

  public static final PiiDetector EMAIL =
      RegexDetector.of(
          "email",
          "an email address",
          // Not a URL's userinfo (ssh://git@host) and not an scp-style remote (git@host:org/repo).
          "(?<![\\p{Alnum}._%+\\-])(?<!://)[\\p{Alnum}._%+\\-]{1,64}@(?:[\\p{Alnum}\\-]{1,63}\\.)+[A-Za-z]{2,24}"
              + "(?![\\p{Alnum}\\-]|:[\\w./~\\-])",
          Detectors::plausibleEmail)
          .withPrefilter(text -> text.indexOf('@') > 0)
          .withCue(TextCues.AT_SIGN)
          .withMasking(Detectors::maskEmail);

  public static final PiiDetector CARD_NUMBER =
      RegexDetector.of(
          "card-number",
          "a payment card number",
          NOT_AFTER_KEY_SEGMENT + "(?:\\d[ \\-]?){12,18}\\d" + NOT_BEFORE_KEY_SEGMENT,
          Detectors::validCard)
          .withPrefilter(text -> digits(text, 13))
          .withCue(TextCues.CARD_DIGITS)
          .withMasking(Detectors::maskCard);

  public static final PiiDetector US_SSN =
      RegexDetector.of(
          "us-ssn",
          "a US social security number",
          NOT_AFTER_WORD + "(\\d{3})-(\\d{2})-(\\d{4})" + NOT_BEFORE_WORD,
          Detectors::issuedSsn)
          .withPrefilter(Detectors::hasSsnShape)
          .withCue(TextCues.SSN_SHAPE)
          .withMasking(value -> "***-**-****");

  /** Phone numbers by libphonenumber: international ones, and national formats of the US and the UK. */
  public static final PiiDetector PHONE = PhoneNumberDetector.forRegions(PhoneNumberDetector.DEFAULT_REGIONS);

  public static final PiiDetector JWT =
      RegexDetector.of(
          "jwt",
          "a JSON Web Token",
          "(?<![A-Za-z0-9_\\-])eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{4,}\\.[A-Za-z0-9_\\-]*",
          Detectors::jwtHeaderIsJson)
          .withPrefilter(text -> text.contains("eyJ"))
          .withCue(TextCues.JWT_HEADER)
          .withCredential();

  /**
   * Credentials in {@code Authorization}-like headers: {@code Bearer}/{@code Basic}/... values
   * anywhere, and any value of a captured {@code Authorization}, {@code Proxy-Authorization}, {@code
   * Cookie}, {@code Set-Cookie} or {@code X-Api-Key} header.
   */
  public static final PiiDetector AUTHORIZATION =
      RegexDetector.of(
              "authorization",
              "an Authorization header credential",
              "(?i)(?<![\\p{Alnum}])(?:bearer|basic|digest|negotiate)\\s+(?<value>[A-Za-z0-9._~+/=\\-]{8,})",
              Detectors::notRedacted)
          // The scheme and its credential are separated by white space: most values have none.
          .withPrefilter(text -> text.indexOf(' ') > 0 || text.indexOf('\t') > 0)
          .withCue(TextCues.AUTH_SCHEME)
          .withFlaggedKeys(Detectors::isCredentialHeader)
          .withCredential();

  public static final PiiDetector URL_CREDENTIALS =
      RegexDetector.anyOf(
          "url-credentials",
          "credentials in a URL",
          Detectors::notRedacted,
          "(?i)[a-z][a-z0-9+.\\-]*://[^/\\s:@?#]+:(?<value>[^/\\s@?#]+)@",
          "(?i)(?:^|[?&;])(?:access_token|id_token|refresh_token|api_key|apikey|api-key|token|password|passwd"
              + "|pwd|secret|client_secret|signature|sig|x-amz-signature|x-goog-signature)=(?<value>[^&#\\s]+)")
          .withPrefilter(text -> (text.indexOf('@') > 0 && text.contains("://")) || (text.indexOf('=') > 0 && hasCredentialParameter(text)))
          .withCue(TextCues.URL_CREDENTIAL)
          .withCredential();

  public static final PiiDetector AWS_ACCESS_KEY =
      RegexDetector.of(
          "aws-access-key",
          "an AWS access key id",
          "(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z2-7]{16}(?![A-Z0-9])")
          .withPrefilter(text -> text.length() >= 20 && (text.contains("KIA") || text.contains("SIA") || text.contains("BIA") || text.contains("CCA") || text.contains("GPA") || text.contains("IDA") || text.contains("ROA") || text.contains("NPA") || text.contains("NVA") || text.contains("IPA")))
          .withCue(TextCues.AWS_PREFIX)
          .withCredential();

  public static final PiiDetector PRIVATE_KEY =
      RegexDetector.of(
          "private-key", "a private key", "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")
          .withPrefilter(text -> text.contains("PRIVATE KEY"))
          .withCue(TextCues.PRIVATE_KEY)
          .withCredential()
          .withMasking(value -> "-----BEGIN *** PRIVATE KEY-----");

  public static final PiiDetector IBAN =
      RegexDetector.of(
          "iban",
          "an IBAN",
          "(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])",
          Detectors::validIban)
          .withPrefilter(text -> text.length() >= 15 && digits(text, 10) && hasCountryAndCheckDigits(text))
          .withCue(TextCues.IBAN_START);

  /** IPv4 and IPv6 addresses: off by default, since {@code server.address} legitimately holds them. */
  public static final PiiDetector IP_ADDRESS =
      RegexDetector.of(
          "ip-address",
          "an IP address",
          "(?<![\\d.:A-Fa-f])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\d.])"
              + "|(?<![\\w:])(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}(?![\\w:])")
          .withPrefilter(text -> text.indexOf('.') > 0 || text.indexOf(':') > 0)
          .withCue(TextCues.DOT_OR_COLON);

  private static final List<PiiDetector> DEFAULTS =
      List.of(EMAIL, CARD_NUMBER, US_SSN, PHONE, JWT, AUTHORIZATION, URL_CREDENTIALS, AWS_ACCESS_KEY, PRIVATE_KEY, IBAN);

  private static final List<PiiDetector> ALL =
      List.of(EMAIL, CARD_NUMBER, US_SSN, PHONE, JWT, AUTHORIZATION, URL_CREDENTIALS, AWS_ACCESS_KEY, PRIVATE_KEY, IBAN,
          IP_ADDRESS);

  private Detectors() {}

  /** The detectors on by default: all but {@link #IP_ADDRESS}. */
  public static List<PiiDetector> defaults() {
    return DEFAULTS;
  }

  /** Every built-in detector, including those off by default. */
  public static List<PiiDetector> builtIn() {
    return ALL;
  }

  // --- masking ------------------------------------------------------------------------------

  /** {@code john.doe@example.com} as {@code j***@e***.com}: the first letters and the top-level domain. */
  static String maskEmail(String value) {
    int at = value.indexOf('@');
    String domain = value.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    return value.charAt(0) + "***@" + domain.charAt(0) + "***" + domain.substring(dot);
  }

  /** A card as its first four and last four digits, e.g. {@code 4111 **** **** 1111}. */
  static String maskCard(String value) {
    String digits = value.replaceAll("\\D", "");
    return digits.substring(0, 4) + " **** **** " + digits.substring(digits.length() - 4);
  }

  // --- prefilters and validators -----------------------------------------------------------

  private static final Set<String> CREDENTIAL_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");
  private static final List<String> HEADER_PREFIXES =
      List.of("http.request.header.", "http.response.header.", "rpc.grpc.request.metadata.");

  /** A captured header or metadata attribute whose every value is a credential. */
  static boolean isCredentialHeader(String attributeKey) {
    String key = attributeKey.toLowerCase(Locale.ROOT);
    for (String prefix : HEADER_PREFIXES) {
      if (key.startsWith(prefix) && CREDENTIAL_HEADERS.contains(key.substring(prefix.length()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a query or form parameter whose name can carry a credential is set: looks only at the
   * names just before each {@code =}, as the detector's pattern does.
   */
  static boolean hasCredentialParameter(String text) {
    for (int equals = text.indexOf('='); equals > 0; equals = text.indexOf('=', equals + 1)) {
      if (credentialParameterBefore(text, equals)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the name before the {@code =} at {@code equals} holds, in any case, a word that can name
   * a credential: token, key, pass, pwd, secret or sig.
   */
  static boolean credentialParameterBefore(String text, int equals) {
    int start = equals - 1;
    while (start >= 0 && !startsParameter(text.charAt(start))) {
      start--;
    }
    // A word is compared only where its first letter is, in either case: one look at most characters.
    for (int i = start + 1; i < equals; i++) {
      boolean found = switch (text.charAt(i) | 0x20) {
        case 't' -> wordAt(text, i, equals, "token");
        case 'k' -> wordAt(text, i, equals, "key");
        case 'p' -> wordAt(text, i, equals, "pass") || wordAt(text, i, equals, "pwd");
        case 's' -> wordAt(text, i, equals, "secret") || wordAt(text, i, equals, "sig");
        default -> false;
      };
      if (found) {
        return true;
      }
    }
    return false;
  }

  /** The characters before a parameter's name: a query's {@code ?}, {@code &} or {@code ;}, a path's {@code /}, a space. */
  private static boolean startsParameter(char c) {
    return c == '?' || c == '&' || c == ';' || c == '/' || c == ' ';
  }

  /** Whether the lower-case ASCII word is at {@code text[i]}, in any case, ending by {@code to}. */
  private static boolean wordAt(String text, int i, int to, String lowerCaseWord) {
    return i + lowerCaseWord.length() <= to && text.regionMatches(true, i, lowerCaseWord, 0, lowerCaseWord.length());
  }

  /** 123-45-6789 somewhere: the shape an SSN needs before its regex runs. */
  static boolean hasSsnShape(String text) {
    for (int i = 3; i + 7 < text.length(); i++) {
      if (text.charAt(i) == '-' && text.charAt(i + 3) == '-' && isDigit(text.charAt(i - 1))
          && isDigit(text.charAt(i + 1)) && isDigit(text.charAt(i + 4))) {
        return true;
      }
    }
    return false;
  }

  /** Two capital letters then two digits: how every IBAN starts. */
  static boolean hasCountryAndCheckDigits(String text) {
    for (int i = 0; i + 3 < text.length(); i++) {
      if (isUpper(text.charAt(i)) && isUpper(text.charAt(i + 1)) && isDigit(text.charAt(i + 2)) && isDigit(text.charAt(i + 3))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /** Whether the text has at least {@code minimum} digits: a card needs 13, a phone 8. */
  static boolean digits(String text, int minimum) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isDigit(c) && ++count >= minimum) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> EXAMPLE_TLDS = Set.of("invalid", "local", "localhost", "internal", "svc");

  static boolean plausibleEmail(String value) {
    int at = value.indexOf('@');
    String local = value.substring(0, at);
    String domain = value.substring(at + 1).toLowerCase(Locale.ROOT);
    String tld = domain.substring(domain.lastIndexOf('.') + 1);
    // Kubernetes service names and git-style remotes are not people.
    return !local.startsWith(".") && !local.endsWith(".") && !EXAMPLE_TLDS.contains(tld)
        && !tld.chars().allMatch(Character::isDigit);
  }

  static boolean validCard(String value) {
    String digits = value.replaceAll("[ \\-]", "");
    if (digits.length() < 13 || digits.length() > 19 || !mixedSeparatorsOk(value)) {
      return false;
    }
    return knownIssuer(digits) && luhn(digits) && !allSame(digits);
  }

  /** Separators, when present, must be one kind used consistently (4111-1111-1111-1111). */
  private static boolean mixedSeparatorsOk(String value) {
    return !(value.contains(" ") && value.contains("-"));
  }

  private static boolean knownIssuer(String d) {
    int two = Integer.parseInt(d.substring(0, 2));
    int four = Integer.parseInt(d.substring(0, 4));
    int len = d.length();
    if (d.charAt(0) == '4') {
      return len == 13 || len == 16 || len == 19; // Visa
    }
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
      return len == 16; // Mastercard
    }
    if (two == 34 || two == 37) {
      return len == 15; // American Express
    }
    if (four == 6011 || two == 65 || (four >= 6440 && four <= 6499)) {
      return len >= 16; // Discover
    }
    if (four >= 3528 && four <= 3589) {
      return len >= 16; // JCB
    }
    if ((four >= 3000 && four <= 3059) || two == 36 || two == 38) {
      return len >= 14; // Diners Club
    }
    if (two == 62) {
      return len >= 16; // UnionPay
    }
    return false;
  }

  static boolean luhn(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  private static boolean allSame(String digits) {
    return digits.chars().distinct().count() == 1;
  }

  static boolean issuedSsn(String value) {
    int area = Integer.parseInt(value.substring(0, 3));
    int group = Integer.parseInt(value.substring(4, 6));
    int serial = Integer.parseInt(value.substring(7, 11));
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
  }

  static boolean plausiblePhone(String value) {
    String digits = value.replaceAll("\\D", "");
    if (digits.length() < 8 || digits.length() > 15) {
      return false;
    }
    if (value.startsWith("+")) {
      // E.164 without separators is a long digit run: demand the full international length.
      return digits.length() >= 10 || digits.length() < value.length() - 1;
    }
    return true;
  }

  static boolean jwtHeaderIsJson(String value) {
    String header = value.substring(0, value.indexOf('.'));
    try {
      String json = new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8).strip();
      return json.startsWith("{") && json.endsWith("}") && json.contains("\"alg\"");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static final Set<String> REDACTED_MARKERS =
      Set.of("redacted", "[redacted]", "{redacted}", "<redacted>", "***", "****", "xxx", "xxxx", "masked", "hidden", "?");

  /** Whether a value is a placeholder left by redaction, such as {@code REDACTED} or {@code ****}. */
  public static boolean isRedactionMarker(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return REDACTED_MARKERS.contains(v) || v.chars().allMatch(c -> c == '*' || c == 'x');
  }

  static boolean notRedacted(String value) {
    return !isRedactionMarker(value);
  }

  private static final Map<String, Integer> IBAN_LENGTHS =
      Map.ofEntries(
          Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("CH", 21),
          Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20),
          Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GR", 27),
          Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IS", 26), Map.entry("IT", 27),
          Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27),
          Map.entry("MT", 31), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25),
          Map.entry("RO", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27),
          Map.entry("TR", 26), Map.entry("AE", 23), Map.entry("SA", 24), Map.entry("IL", 23), Map.entry("BR", 29));

  static boolean validIban(String value) {
    String iban = value.replace(" ", "");
    Integer length = IBAN_LENGTHS.get(iban.substring(0, 2));
    if (length == null || iban.length() != length) {
      return false;
    }
    // mod 97 of the number the rearranged IBAN spells (letters are 10 to 35), a digit group at a time.
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    int remainder = 0;
    for (int i = 0; i < rearranged.length(); i++) {
      char c = rearranged.charAt(i);
      remainder = isDigit(c) ? (remainder * 10 + (c - '0')) % 97 : (remainder * 100 + (c - 'A' + 10)) % 97;
    }
    return remainder == 1;
  }
}
