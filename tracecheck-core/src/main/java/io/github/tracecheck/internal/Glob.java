package io.github.tracecheck.internal;

import java.util.regex.Pattern;

/** Name patterns in settings: {@code *} matches any characters, everything else itself. */
public final class Glob {

  private Glob() {}

  public static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    for (String part : glob.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
