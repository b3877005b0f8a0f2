package io.github.tracecheck.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cues of a text, read through a table of the ASCII characters: exactly the cues each text
 * holds, at the table's edges and past ASCII too, and each cue stays a necessary condition of its
 * detector whatever character stands where the cue looks.
 */
class TextCuesTest {

  private static final Map<String, Integer> CUES = new LinkedHashMap<>();

  static {
    CUES.put("AT_SIGN", TextCues.AT_SIGN);
    CUES.put("CARD_DIGITS", TextCues.CARD_DIGITS);
    CUES.put("SSN_SHAPE", TextCues.SSN_SHAPE);
    CUES.put("WRITTEN_PHONE", TextCues.WRITTEN_PHONE);
    CUES.put("JWT_HEADER", TextCues.JWT_HEADER);
    CUES.put("AUTH_SCHEME", TextCues.AUTH_SCHEME);
    CUES.put("URL_CREDENTIAL", TextCues.URL_CREDENTIAL);
    CUES.put("AWS_PREFIX", TextCues.AWS_PREFIX);
    CUES.put("PRIVATE_KEY", TextCues.PRIVATE_KEY);
    CUES.put("IBAN_START", TextCues.IBAN_START);
    CUES.put("DOT_OR_COLON", TextCues.DOT_OR_COLON);
  }

  private static List<String> names(int cues) {
    List<String> names = new ArrayList<>();
    CUES.forEach((name, bit) -> {
      if ((cues & bit) != 0) {
        names.add(name);
      }
    });
    return names;
  }

  static Stream<Arguments> texts() {
    return Stream.of(
        // Digits: only '0' to '9' are counted, and only a single space or dash keeps a card's run.
        Arguments.of("1234567890123", List.of("CARD_DIGITS")),
        Arguments.of("123456789012", List.of()),
        Arguments.of("123456/7890123", List.of()),
        Arguments.of("123456789:0123", List.of("DOT_OR_COLON")),
        Arguments.of("1234 5678 9012 3", List.of("CARD_DIGITS", "WRITTEN_PHONE")),
        Arguments.of("1234  5678 9012 3", List.of("WRITTEN_PHONE")),
        Arguments.of("\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662\u0663", List.of()),
        Arguments.of("\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff10\uff11\uff12\uff13", List.of()),
        // Letters next to the noted ones in the table, and characters past ASCII whose low byte is a noted one.
        Arguments.of("xAKXYZ-0123456789-abcd", List.of("AWS_PREFIX")),
        Arguments.of("x@KXYZ-0123456789-abcd", List.of("AT_SIGN")),
        Arguments.of("xBKXYZ-0123456789-abcd", List.of()),
        Arguments.of("\u007fAKXYZ-0123456789-abcd", List.of("AWS_PREFIX")),
        Arguments.of("\u0141KXYZ-0123456789-abcd", List.of()),
        Arguments.of("eyJhbGciOiJIUzI1NiJ9", List.of("JWT_HEADER")),
        Arguments.of("EyJhbGciOiJIUzI1NiJ9 dyJ fyJ", List.of()),
        Arguments.of("\u0165yJhbGciOiJIUzI1NiJ9", List.of()),
        Arguments.of("yJhbGciOiJIUzI1NiJ9", List.of()),
        Arguments.of("token eyJ", List.of("JWT_HEADER")),
        Arguments.of("JeyJ", List.of("JWT_HEADER")),
        Arguments.of("-----BEGIN RSA PRIVATE KEY-----", List.of("PRIVATE_KEY")),
        Arguments.of("-----BEGIN RSA ORIVATE KEY-----", List.of()),
        Arguments.of("jane@example.com", List.of("AT_SIGN", "DOT_OR_COLON")),
        Arguments.of("jane\u0140example\u012ecom", List.of()),
        Arguments.of("@example", List.of()),
        Arguments.of("ssh://git@host", List.of("AT_SIGN", "URL_CREDENTIAL", "DOT_OR_COLON")),
        // The white space of \s before which a scheme may end, and a space or tab past the first character.
        Arguments.of("Authorization: Bearer\u000babc", List.of("AUTH_SCHEME", "DOT_OR_COLON")),
        Arguments.of("x BASIC\fY", List.of("AUTH_SCHEME")),
        Arguments.of("x negotiatE\rY", List.of("AUTH_SCHEME")),
        Arguments.of("x Digest\nY", List.of("AUTH_SCHEME")),
        Arguments.of("Authorization: Bearer\u2028abc", List.of("DOT_OR_COLON")),
        Arguments.of("x basiq Y", List.of()),
        Arguments.of("Bearer\u000babc", List.of()),
        // A dotless i compares equal to an i ignoring case, as the scheme's prefilter does: the cue is as loose.
        Arguments.of("x bas\u0131c Y", List.of("AUTH_SCHEME")),
        // Parameter names that can carry a credential, in any case, before an '='.
        Arguments.of("https://x.test/cb?Access_Token=abc", List.of("URL_CREDENTIAL", "DOT_OR_COLON")),
        Arguments.of("https://x.test/cb?page=2&size=3", List.of("DOT_OR_COLON")),
        Arguments.of("a;PWD=1", List.of("URL_CREDENTIAL")),
        Arguments.of("a&KeY=2", List.of("URL_CREDENTIAL")),
        Arguments.of("/x/sIgnature=1", List.of("URL_CREDENTIAL")),
        Arguments.of("a?passwd=1", List.of("URL_CREDENTIAL")),
        Arguments.of("a?secre=1", List.of()),
        Arguments.of("a?my secret=1", List.of("URL_CREDENTIAL")),
        Arguments.of("a?pw=1", List.of()),
        Arguments.of("a=token", List.of()),
        Arguments.of("a?to=ken", List.of()),
        Arguments.of("=token", List.of()),
        // Phone numbers: bounded by characters that are not part of a word, the letters past ASCII included.
        Arguments.of("call +44 7700 900123", List.of("WRITTEN_PHONE")),
        Arguments.of("call +44 7700 900123 ob", List.of("WRITTEN_PHONE")),
        Arguments.of("call +44 7700 900123\u00f3b", List.of()),
        Arguments.of("call +44 7700 900123b", List.of()),
        Arguments.of("call +44\u00f37700 900123", List.of("WRITTEN_PHONE")),
        Arguments.of("id_4477009001 (x)", List.of()),
        Arguments.of("\u0663-\u0663 12345678", List.of("WRITTEN_PHONE")),
        Arguments.of("Chrome/126.0.6478.126", List.of("DOT_OR_COLON")),
        Arguments.of("v 126.0.6478.126", List.of("WRITTEN_PHONE", "DOT_OR_COLON")),
        Arguments.of("ssn 123-45-6789", List.of("SSN_SHAPE", "WRITTEN_PHONE")),
        // IBANs: two capital letters and two digits, in a text long enough with digits enough.
        Arguments.of("DE89 3704 0044 0532 0130 00", List.of("CARD_DIGITS", "WRITTEN_PHONE", "IBAN_START")),
        Arguments.of("de89 3704 0044 0532 0130 00", List.of("CARD_DIGITS", "WRITTEN_PHONE")),
        Arguments.of("GB82WEST12345698765432", List.of("CARD_DIGITS", "IBAN_START")),
        Arguments.of("GB82WEST123", List.of()));
  }

  @ParameterizedTest
  @MethodSource("texts")
  void findsExactlyTheCuesTheTextHolds(String text, List<String> expected) {
    assertThat(names(TextCues.of(text))).isEqualTo(expected);
  }

  /** Texts each built-in detector finds something in, with {@code %s} where one character is replaced. */
  private static final List<String> TEMPLATES = List.of(
      "jane%sdoe@example.com",
      "mail jane.doe%sexample.com",
      "call +44 7700%s900123 now",
      "call%s+1 (415) 555-2671",
      "paid 4111%s1111%s1111%s1111",
      "ssn 123%s45-6789",
      "%syJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln",
      "key %sKIAIOSFODNN7EXAMPLE",
      "-----BEGIN %sRIVATE KEY-----",
      "https://x.test/cb?access_token%ss3cr3tT0ken",
      "https:%s/user:pa55word@host.test/",
      "Authorization: Bearer%sabcdef0123456789",
      "iban GB82%sWEST12345698765432",
      "host 10.0%s0.7");

  @Test
  void everyCueStaysANecessaryConditionOfItsDetectorWhateverCharacterStandsInTheText() {
    List<String> foundWith = new ArrayList<>();
    for (String template : TEMPLATES) {
      for (char c = 0; c < 0x250; c++) { // ASCII, Latin-1 and the Latin extensions
        check(template, c, foundWith);
      }
      // White space, digits and letters of other scripts, and those that equal ASCII letters ignoring case.
      for (char c : "\u0660\u0663\u0966\u2007\u2028\u3000\u212a\u017f\u0131\u0130\uff10\uff19\uff21\uff20\ufeff\uffff"
          .toCharArray()) {
        check(template, c, foundWith);
      }
    }
    // Each template is found with some character: the detectors ran on texts holding their cue.
    assertThat(foundWith).hasSizeGreaterThanOrEqualTo(TEMPLATES.size());
    for (String template : TEMPLATES) {
      assertThat(foundWith).as(template).anySatisfy(found -> assertThat(found).startsWith(template + " "));
    }
  }

  private static void check(String template, char c, List<String> foundWith) {
    String text = template.replace("%s", String.valueOf(c));
    int present = TextCues.of(text);
    for (PiiDetector detector : Detectors.builtIn()) {
      int cue = detector instanceof PhoneNumberDetector phone ? phone.cue() : ((RegexDetector) detector).cue();
      List<PiiMatch> found = detector.find(text);
      if (!found.isEmpty()) {
        assertThat(present & cue).as("%s in %s", detector.name(), text).isNotZero();
        foundWith.add(template + " " + (int) c);
      }
    }
  }
}
