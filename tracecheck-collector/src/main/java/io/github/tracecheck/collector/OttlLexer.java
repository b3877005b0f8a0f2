package io.github.tracecheck.collector;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an OTTL statement into tokens, each with the column it starts at, so that the parser
 * reads tokens rather than characters and can say where a statement goes wrong. Strings keep
 * regular-expression escapes such as {@code \d}: only {@code \"} and {@code \\} are string escapes.
 */
final class OttlLexer {

  enum Kind {
    /** Letters, digits and underscores: names, keywords, numbers. */
    WORD,
    /** A quoted string; the token's text is its value, without the quotes. */
    STRING,
    /** One of {@code ( ) [ ] , . - == !=}. */
    SYMBOL,
    /** After the last token. */
    END
  }

  /** One token, with the 1-based column of its first character in the statement. */
  record Token(Kind kind, String text, int column) {

    /** Whether this is the word or symbol given (never a string with that value). */
    boolean is(String wordOrSymbol) {
      return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equals(wordOrSymbol);
    }

    /** The token as the statement writes it, for messages. */
    String shown() {
      return kind == Kind.STRING ? "\"" + text + "\"" : kind == Kind.END ? "the end" : text;
    }
  }

  /** Makes the exception for a problem at a column: the caller knows the statement and its place. */
  interface Errors {
    CollectorConfigException at(int column, String problem);
  }

  private OttlLexer() {}

  /** The tokens of the statement, ending with an {@link Kind#END} token. */
  static List<Token> tokens(String text, Errors errors) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int column = i + 1;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        StringBuilder s = new StringBuilder();
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < text.length()) {
            char escaped = text.charAt(i + 1);
            s.append(escaped == '"' || escaped == '\\' ? String.valueOf(escaped) : "\\" + escaped);
            i += 2;
          } else {
            s.append(text.charAt(i++));
          }
        }
        if (i >= text.length()) {
          throw errors.at(column, "unterminated string");
        }
        tokens.add(new Token(Kind.STRING, s.toString(), column));
        i++;
      } else if ((c == '=' || c == '!') && i + 1 < text.length() && text.charAt(i + 1) == '=') {
        tokens.add(new Token(Kind.SYMBOL, c + "=", column));
        i += 2;
      } else if ("()[],.-".indexOf(c) >= 0) {
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), column));
        i++;
      } else if (isWordCharacter(c)) {
        int start = i;
        while (i < text.length() && isWordCharacter(text.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, text.substring(start, i), column));
      } else {
        throw errors.at(column, "unexpected character '" + c + "'");
      }
    }
    tokens.add(new Token(Kind.END, "", text.length() + 1));
    return tokens;
  }

  private static boolean isWordCharacter(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
