package io.github.tracecheck.collector;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions as the Collector evaluates them: with Go's RE2. Java's engine accepts more
 * (lookaround, backreferences, possessive and atomic groups), so patterns using those are rejected
 * rather than run with a meaning the Collector would refuse. Go's {@code (?P<name>...)} groups are
 * rewritten to Java's {@code (?<name>...)}. Replacement templates follow Go's {@code Expand}: {@code
 * $1}, {@code ${1}}, {@code $name}, {@code ${name}}, {@code $$}; a name is the longest run of
 * letters, digits and underscores, so Go reads {@code $1x} as the group named {@code 1x} (empty),
 * where Java would read group 1 followed by {@code x}.
 */
final class Re2Regex {

  private static final Pattern UNSUPPORTED =
      Pattern.compile("\\(\\?<?[=!]|\\(\\?>|\\\\[1-9]|\\\\k<|[*+?}]\\+");

  private Re2Regex() {}

  /** How a caller reports a regular expression it cannot use: the problem, and its cause or null. */
  interface Failure {
    CollectorConfigException of(String problem, Throwable cause);
  }

  /** Compiles the regular expression, or fails naming {@code where} it is configured. */
  static Pattern compile(String regex, String where) {
    return compile(regex, (problem, cause) -> new CollectorConfigException(where + ": " + problem, cause));
  }

  /** Compiles the regular expression, or throws what {@code failure} makes of the problem. */
  static Pattern compile(String regex, Failure failure) {
    Matcher unsupported = UNSUPPORTED.matcher(regex);
    if (unsupported.find()) {
      throw failure.of(
          "regular expression " + quote(regex) + " uses '" + unsupported.group()
              + "' (lookaround, backreference, atomic group or possessive quantifier), which Go's RE2 used by"
              + " the Collector does not support",
          null);
    }
    try {
      return Pattern.compile(regex.replace("(?P<", "(?<"));
    } catch (PatternSyntaxException e) {
      throw failure.of("invalid regular expression " + quote(regex) + ": " + e.getDescription(), e);
    }
  }

  /** Replaces every match like Go's {@code ReplaceAllString}, with Go's template expansion. */
  static String replaceAll(Pattern pattern, String input, String template) {
    Matcher matcher = pattern.matcher(input);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(expand(matcher, template)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  static String expand(Matcher matcher, String template) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 == template.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = template.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      String name;
      int end;
      if (next == '{') {
        int close = template.indexOf('}', i + 2);
        if (close < 0) {
          out.append(c);
          i++;
          continue;
        }
        name = template.substring(i + 2, close);
        end = close + 1;
      } else {
        end = i + 1;
        while (end < template.length()
            && (Character.isLetterOrDigit(template.charAt(end)) || template.charAt(end) == '_')) {
          end++;
        }
        name = template.substring(i + 1, end);
        if (name.isEmpty()) {
          out.append(c);
          i++;
          continue;
        }
      }
      out.append(group(matcher, name));
      i = end;
    }
    return out.toString();
  }

  private static String group(Matcher matcher, String name) {
    String value;
    try {
      value = name.chars().allMatch(Character::isDigit)
          ? (Integer.parseInt(name) <= matcher.groupCount() ? matcher.group(Integer.parseInt(name)) : null)
          : matcher.group(name);
    } catch (IllegalArgumentException e) {
      value = null; // Go expands a group that does not exist to nothing
    }
    return value == null ? "" : value;
  }

  private static String quote(String regex) {
    return "\"" + regex + "\"";
  }
}
