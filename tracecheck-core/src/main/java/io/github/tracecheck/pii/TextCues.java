package io.github.tracecheck.pii;

/**
 * The cues the built-in detectors need before their expressions can match, found in one pass over a
 * text for all of them together: an {@code @} for emails, enough digits for cards and phone numbers,
 * the dashes of an SSN, {@code eyJ} for JWTs, and so on. Each cue is a bit of an {@code int}; a
 * detector runs its exact expression only when its bit is set. Every cue is a necessary condition of
 * its detector's prefilter or expression, so skipping a detector whose cue is absent never changes
 * what is found.
 */
final class TextCues {

  /** Any detector: no cue, always run. */
  static final int ALWAYS = 0;
  /** An {@code @} after the first character (emails). */
  static final int AT_SIGN = 1;
  /** 13 ASCII digits in a run, single spaces or dashes between them allowed (payment cards). */
  static final int CARD_DIGITS = 1 << 1;
  /** {@code 123-45-6789}'s dashes around digits (SSNs). */
  static final int SSN_SHAPE = 1 << 2;
  /**
   * At least 8 ASCII digits, written as people write phone numbers (a {@code +}, a {@code (}, or
   * separated digit groups), and 8 of them between a place where a number may start and one where it
   * may end, as the phone detector bounds its matches (not inside a word, id or path), with no
   * character libphonenumber never puts in a number between them: a Latin letter other than those of
   * its extension words (ext, x, int, anexo) or an underscore.
   */
  static final int WRITTEN_PHONE = 1 << 3;
  /** {@code eyJ}, how a JWT's JSON header starts in base64url. */
  static final int JWT_HEADER = 1 << 4;
  /** An authorization scheme (bearer, basic, digest, negotiate) before white space, after a space or tab past the first character. */
  static final int AUTH_SCHEME = 1 << 5;
  /** {@code ://} with an {@code @} (userinfo), or an {@code =} after a parameter name that can carry a credential. */
  static final int URL_CREDENTIAL = 1 << 6;
  /** {@code A} and three capital letters in a text of 20 characters or more (AWS key ids). */
  static final int AWS_PREFIX = 1 << 7;
  /** {@code PRIVATE KEY}. */
  static final int PRIVATE_KEY = 1 << 8;
  /** Two capital letters and two digits, with 10 digits in a text of 15 characters or more (IBANs). */
  static final int IBAN_START = 1 << 9;
  /** A {@code .} or {@code :} after the first character (IP addresses). */
  static final int DOT_OR_COLON = 1 << 10;

  /** The letters of libphonenumber's extension words (ext, x, int, anexo), one bit each from {@code a}. */
  private static final int EXTENSION_LETTERS = letters("aeinostx");

  private static final String[] AUTH_SCHEMES = {"bearer", "basic", "digest", "negotiate"};
  /** The last letters of the schemes, in lower case. */
  private static final String SCHEME_ENDINGS = "rcte";

  /** An ASCII digit: counted, and the runs of digits are looked at after the pass when there are enough. */
  private static final byte DIGIT = 1;
  /** An ASCII character some cue starts from: {@link #of} looks at what surrounds it. */
  private static final byte NOTED = 2;
  /**
   * The class of each ASCII character: the letters, most of the punctuation and the control
   * characters of telemetry are none of them, and cost one load and a branch. No character past ASCII
   * is any of them: every cue's characters are ASCII.
   */
  private static final byte[] ASCII_CLASSES = asciiClasses();

  private TextCues() {}

  private static int letters(String letters) {
    int bits = 0;
    for (int i = 0; i < letters.length(); i++) {
      bits |= 1 << (letters.charAt(i) - 'a');
    }
    return bits;
  }

  private static byte[] asciiClasses() {
    byte[] classes = new byte[128];
    for (char c = '0'; c <= '9'; c++) {
      classes[c] = DIGIT;
    }
    // The characters of the switch in of(), and the white space before which an authorization scheme may end.
    for (char c : "@=+(.:- \tJAP\n\r\f\u000b".toCharArray()) {
      classes[c] = NOTED;
    }
    return classes;
  }

  /**
   * The cues present in the text. One pass reads every character, counting digits and noting the few
   * characters a cue starts from; the cues that need a run of digits (cards, IBANs, phone numbers)
   * are looked for after it, and only when the text has enough digits for them.
   */
  static int of(String text) {
    int length = text.length();
    int cues = 0;
    int digits = 0;
    boolean at = false;
    boolean urlScheme = false;
    boolean spaceOrTab = false;
    boolean phoneWritten = false;
    for (int i = 0; i < length; i++) {
      // Most characters are none a cue starts from: a loop of their own, with no call in it, counts
      // their digits and stops at the next noted one.
      char c = text.charAt(i);
      for (int kind; (kind = c < ASCII_CLASSES.length ? ASCII_CLASSES[c] : 0) != NOTED; c = text.charAt(i)) {
        digits += kind; // DIGIT is 1, the others 0
        if (++i == length) {
          break;
        }
      }
      if (i == length) {
        break;
      }
      switch (c) {
        case '@' -> at |= i > 0;
        case '=' -> cues |= i > 0 && (cues & URL_CREDENTIAL) == 0 && Detectors.credentialParameterBefore(text, i)
            ? URL_CREDENTIAL : 0;
        case '+', '(' -> phoneWritten = true;
        case '.' -> {
          cues |= i > 0 ? DOT_OR_COLON : 0;
          phoneWritten |= betweenDigits(text, i);
        }
        case ':' -> {
          cues |= i > 0 ? DOT_OR_COLON : 0;
          urlScheme |= i + 2 < length && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/';
        }
        case '-' -> {
          phoneWritten |= betweenDigits(text, i);
          if (i >= 3 && i + 7 < length && text.charAt(i + 3) == '-' && isDigit(text.charAt(i - 1))
              && isDigit(text.charAt(i + 1)) && isDigit(text.charAt(i + 4))) {
            cues |= SSN_SHAPE;
          }
        }
        case ' ', '\t' -> {
          phoneWritten |= c == ' ' && betweenDigits(text, i);
          spaceOrTab |= i > 0;
          cues |= afterScheme(text, i) ? AUTH_SCHEME : 0;
        }
        // The capital J of eyJ: far rarer in telemetry than the e, the commonest letter.
        case 'J' -> cues |= i >= 2 && text.charAt(i - 1) == 'y' && text.charAt(i - 2) == 'e' ? JWT_HEADER : 0;
        case 'A' -> cues |= length >= 20 && i + 3 < length && isUpper(text.charAt(i + 1))
            && isUpper(text.charAt(i + 2)) && isUpper(text.charAt(i + 3)) ? AWS_PREFIX : 0;
        case 'P' -> cues |= text.startsWith("RIVATE KEY", i + 1) ? PRIVATE_KEY : 0;
        default -> cues |= afterScheme(text, i) ? AUTH_SCHEME : 0; // the other white space of \s: a line feed, carriage return, form feed or vertical tab
      }
    }
    if (at) {
      cues |= urlScheme ? AT_SIGN | URL_CREDENTIAL : AT_SIGN;
    }
    if (!spaceOrTab) {
      cues &= ~AUTH_SCHEME; // the detector's prefilter asks for a space or tab past the first character
    }
    if (digits >= 13 && hasCardDigitRun(text)) {
      cues |= CARD_DIGITS;
    }
    if (phoneWritten && digits >= 8 && hasBoundedPhoneDigits(text)) {
      cues |= WRITTEN_PHONE;
    }
    if (digits >= 10 && length >= 15 && Detectors.hasCountryAndCheckDigits(text)) {
      cues |= IBAN_START;
    }
    return cues;
  }

  /** 13 ASCII digits in a run, a single space or dash after a digit not breaking it. */
  private static boolean hasCardDigitRun(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isDigit(c)) {
        if (++run >= 13) {
          return true;
        }
      } else if (!((c == ' ' || c == '-') && i > 0 && isDigit(text.charAt(i - 1)))) {
        run = 0;
      }
    }
    return false;
  }

  /**
   * 8 ASCII digits between a place where a phone number may start and one where it may end, with no
   * character libphonenumber never puts in a number between them.
   */
  private static boolean hasBoundedPhoneDigits(String text) {
    boolean started = false; // a place where a number may start was passed in this run
    int digits = 0; // ASCII digits since that place
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (started && digits >= 8 && mayEndPhone(text, i)) {
        return true;
      }
      if (neverInPhone(c)) {
        started = false;
      } else if (!started && (i == 0 || mayPrecedePhone(text.charAt(i - 1)))) {
        started = true;
        digits = 0;
      }
      if (isDigit(c)) {
        digits++;
      }
    }
    return started && digits >= 8;
  }

  /** Whether the character at {@code i} separates two digits, as in {@code 555-2671} ({@link Character#isDigit}, as the phone detector reads them). */
  private static boolean betweenDigits(String text, int i) {
    return i >= 1 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
        && Character.isDigit(text.charAt(i + 1));
  }

  /** Latin letters other than those of libphonenumber's extension words (ext, x, int, anexo), and underscores. */
  private static boolean neverInPhone(char c) {
    if (c == '_') {
      return true;
    }
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'z' && c <= 'z' && (EXTENSION_LETTERS & 1 << (lower - 'a')) == 0;
  }

  /** A character a phone number may follow: not part of a word, id or path (the phone detector's bound). */
  private static boolean mayPrecedePhone(char c) {
    return !isWordChar(c) && c != '.' && c != '/';
  }

  /** Whether a phone number may end before {@code i}: not inside a word, id or version number. */
  private static boolean mayEndPhone(String text, int i) {
    char c = text.charAt(i);
    return !isWordChar(c) && !(c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)));
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  /** Whether an authorization scheme ends just before the white space at {@code i}, in any case. */
  private static boolean afterScheme(String text, int i) {
    char before = i > 0 ? text.charAt(i - 1) : ' ';
    if (before < ASCII_CLASSES.length && SCHEME_ENDINGS.indexOf(before | 0x20) < 0) {
      return false; // an ASCII character ending no scheme in either case: the words need not be compared
    }
    for (String scheme : AUTH_SCHEMES) {
      int start = i - scheme.length();
      if (start >= 0 && text.regionMatches(true, start, scheme, 0, scheme.length())) {
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
}
