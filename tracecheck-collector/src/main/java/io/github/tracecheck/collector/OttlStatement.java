package io.github.tracecheck.collector;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One OTTL statement of a transform processor, parsed and ready to apply to a span. The subset:
 * the editors {@code replace_pattern}, {@code replace_all_patterns}, {@code replace_match}, {@code
 * replace_all_matches}, {@code delete_key}, {@code delete_matching_keys}, {@code keep_keys}, {@code
 * set} and {@code truncate_all}; paths {@code attributes}, {@code attributes["key"]} and {@code
 * name} (with an optional context prefix such as {@code span.}), plus {@code resource.attributes}
 * from the span context; {@code where} conditions with {@code ==}, {@code !=}, {@code nil}, {@code
 * IsMatch(path, "regex")}, {@code not}, {@code and} and {@code or}. Anything else is a {@link
 * CollectorConfigException} naming it.
 */
final class OttlStatement {

  static final Set<String> CONTEXTS = Set.of("span", "spanevent", "resource");
  static final Set<String> FUNCTIONS =
      Set.of("replace_pattern", "replace_all_patterns", "replace_match", "replace_all_matches", "delete_key",
          "delete_matching_keys", "keep_keys", "set", "truncate_all");

  private final String text;
  private final String context;
  private final String function;
  private final List<Object> args;
  private final Condition condition;

  private OttlStatement(String text, String context, String function, List<Object> args, Condition condition) {
    this.text = text;
    this.context = context;
    this.function = function;
    this.args = args;
    this.condition = condition;
  }

  // --- the parsed form ---------------------------------------------------------------------

  /** A path into the span: a map of attributes, one attribute, or the name. */
  static final class Path {
    final String scope; // "attributes", "resource.attributes" or "name"
    final String key; // the attribute key, or null for the whole map / the name

    Path(String scope, String key) {
      this.scope = scope;
      this.key = key;
    }
  }

  interface Condition {
    boolean test(SpanRecord.Target target, SpanRecord span);
  }

  // --- parsing -----------------------------------------------------------------------------

  static OttlStatement parse(String text, String context, String where) {
    if (!CONTEXTS.contains(context)) {
      throw new CollectorConfigException(where + ": context '" + context + "' is not supported; use span, spanevent or resource");
    }
    Parser parser = new Parser(text, context, where);
    String function = parser.identifier();
    if (!FUNCTIONS.contains(function)) {
      throw new CollectorConfigException(
          where + ": OTTL function '" + function + "' is not supported by tracecheck (statement: " + text + ")");
    }
    parser.expect("(");
    List<Object> args = new ArrayList<>();
    if (!parser.peekIs(")")) {
      do {
        args.add(parser.value());
      } while (parser.accept(","));
    }
    parser.expect(")");
    Condition condition = null;
    if (parser.acceptWord("where")) {
      condition = parser.condition();
    }
    parser.end();
    OttlStatement statement = new OttlStatement(text, context, function, args, condition);
    statement.checkSignature(where);
    return statement;
  }

  private void checkSignature(String where) {
    switch (function) {
      case "replace_pattern":
        signature(where, Path.class, String.class, String.class);
        Re2Regex.compile((String) args.get(1), where);
        break;
      case "replace_all_patterns":
        signature(where, Path.class, String.class, String.class, String.class);
        if (!Set.of("key", "value").contains(args.get(1))) {
          throw new CollectorConfigException(where + ": replace_all_patterns mode must be \"key\" or \"value\", was " + args.get(1));
        }
        Re2Regex.compile((String) args.get(2), where);
        break;
      case "replace_match":
      case "replace_all_matches":
        signature(where, Path.class, String.class, String.class);
        break;
      case "delete_key":
        signature(where, Path.class, String.class);
        break;
      case "delete_matching_keys":
        signature(where, Path.class, String.class);
        Re2Regex.compile((String) args.get(1), where);
        break;
      case "keep_keys":
        signature(where, Path.class, List.class);
        break;
      case "set":
        if (args.size() != 2 || !(args.get(0) instanceof Path)) {
          throw new CollectorConfigException(where + ": set takes a path and a value: " + text);
        }
        break;
      case "truncate_all":
        signature(where, Path.class, Long.class);
        break;
      default:
        throw new CollectorConfigException(
            where + ": OTTL function '" + function + "' is not supported by tracecheck (statement: " + text + ")");
    }
  }

  private void signature(String where, Class<?>... types) {
    boolean ok = args.size() == types.length;
    for (int i = 0; ok && i < types.length; i++) {
      ok = types[i].isInstance(args.get(i));
    }
    if (!ok) {
      throw new CollectorConfigException(where + ": " + function + " has arguments this subset does not support: " + text);
    }
  }

  // --- applying ----------------------------------------------------------------------------

  /** Applies the statement to every target of its context in the span. */
  void apply(SpanRecord span) {
    if (context.equals("spanevent")) {
      for (SpanRecord.Target event : span.events) {
        applyTo(event, span);
      }
    } else if (context.equals("resource")) {
      applyTo(new SpanRecord.Target(null, span.resourceAttributes), span);
    } else {
      applyTo(span.span, span);
    }
  }

  private void applyTo(SpanRecord.Target target, SpanRecord span) {
    if (condition != null && !condition.test(target, span)) {
      return;
    }
    Path path = (Path) args.get(0);
    switch (function) {
      case "replace_pattern": {
        Object value = read(path, target, span);
        if (value instanceof String) {
          Pattern regex = Re2Regex.compile((String) args.get(1), text);
          write(path, target, span, Re2Regex.replaceAll(regex, (String) value, (String) args.get(2)));
        }
        break;
      }
      case "replace_all_patterns": {
        Map<String, Object> map = map(path, target, span);
        Pattern regex = Re2Regex.compile((String) args.get(2), text);
        if (args.get(1).equals("value")) {
          map.replaceAll((k, v) -> v instanceof String ? Re2Regex.replaceAll(regex, (String) v, (String) args.get(3)) : v);
        } else {
          Map<String, Object> renamed = new java.util.LinkedHashMap<>();
          map.forEach((k, v) -> renamed.put(Re2Regex.replaceAll(regex, k, (String) args.get(3)), v));
          map.clear();
          map.putAll(renamed);
        }
        break;
      }
      case "replace_match": {
        Object value = read(path, target, span);
        if (value instanceof String && glob((String) args.get(1)).matcher((String) value).matches()) {
          write(path, target, span, args.get(2));
        }
        break;
      }
      case "replace_all_matches": {
        Pattern glob = glob((String) args.get(1));
        map(path, target, span).replaceAll((k, v) -> v instanceof String && glob.matcher((String) v).matches() ? args.get(2) : v);
        break;
      }
      case "delete_key":
        map(path, target, span).remove((String) args.get(1));
        break;
      case "delete_matching_keys": {
        Pattern regex = Re2Regex.compile((String) args.get(1), text);
        map(path, target, span).keySet().removeIf(k -> regex.matcher(k).find());
        break;
      }
      case "keep_keys": {
        List<?> keep = (List<?>) args.get(1);
        map(path, target, span).keySet().removeIf(k -> !keep.contains(k));
        break;
      }
      case "set": {
        Object value = args.get(1) instanceof Path ? read((Path) args.get(1), target, span) : args.get(1);
        write(path, target, span, value);
        break;
      }
      case "truncate_all": {
        int limit = ((Long) args.get(1)).intValue();
        map(path, target, span).replaceAll(
            (k, v) -> v instanceof String && ((String) v).length() > limit ? ((String) v).substring(0, limit) : v);
        break;
      }
      default:
        throw new IllegalStateException(function);
    }
  }

  private Map<String, Object> map(Path path, SpanRecord.Target target, SpanRecord span) {
    if (path.key != null || path.scope.equals("name")) {
      throw new CollectorConfigException(function + " needs a map of attributes, not a single value: " + text);
    }
    return path.scope.equals("resource.attributes") ? span.resourceAttributes : target.attributes;
  }

  static Object read(Path path, SpanRecord.Target target, SpanRecord span) {
    if (path.scope.equals("name")) {
      return target.name;
    }
    Map<String, Object> map = path.scope.equals("resource.attributes") ? span.resourceAttributes : target.attributes;
    return path.key == null ? map : map.get(path.key);
  }

  private void write(Path path, SpanRecord.Target target, SpanRecord span, Object value) {
    if (path.scope.equals("name")) {
      target.name = String.valueOf(value);
      return;
    }
    if (path.key == null) {
      throw new CollectorConfigException(function + " cannot replace a whole attribute map: " + text);
    }
    Map<String, Object> map = path.scope.equals("resource.attributes") ? span.resourceAttributes : target.attributes;
    if (value == null) {
      map.remove(path.key);
    } else {
      map.put(path.key, value);
    }
  }

  /** OTTL's replace_match globs: {@code *} any characters, {@code ?} one character. */
  private static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  @Override
  public String toString() {
    return text;
  }

  // --- the parser --------------------------------------------------------------------------

  private static final class Parser {
    private final String text;
    private final String context;
    private final String where;
    private final List<String> tokens = new ArrayList<>();
    private int position;

    Parser(String text, String context, String where) {
      this.text = text;
      this.context = context;
      this.where = where;
      tokenize();
    }

    private void tokenize() {
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '"') {
          StringBuilder s = new StringBuilder("\"");
          i++;
          while (i < text.length() && text.charAt(i) != '"') {
            if (text.charAt(i) == '\\' && i + 1 < text.length()) {
              char escaped = text.charAt(i + 1);
              // OTTL keeps regex escapes such as \d; only \" and \\ are string escapes.
              s.append(escaped == '"' || escaped == '\\' ? String.valueOf(escaped) : "\\" + escaped);
              i += 2;
            } else {
              s.append(text.charAt(i++));
            }
          }
          if (i >= text.length()) {
            throw error("unterminated string");
          }
          tokens.add(s.toString());
          i++;
        } else if ((c == '=' || c == '!') && i + 1 < text.length() && text.charAt(i + 1) == '=') {
          tokens.add(c + "=");
          i += 2;
        } else if ("()[],.".indexOf(c) >= 0) {
          tokens.add(String.valueOf(c));
          i++;
        } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
          int start = i;
          while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
          }
          if (i == start) {
            i++;
          }
          tokens.add(text.substring(start, i));
        } else {
          throw error("unexpected character '" + c + "'");
        }
      }
    }

    String identifier() {
      String token = next();
      if (!Character.isLetter(token.charAt(0))) {
        throw error("expected a function name, found " + token);
      }
      return token;
    }

    Object value() {
      String token = peek();
      if (token.startsWith("\"")) {
        position++;
        return token.substring(1);
      }
      if (token.equals("[")) {
        position++;
        List<Object> list = new ArrayList<>();
        if (!accept("]")) {
          do {
            list.add(value());
          } while (accept(","));
          expect("]");
        }
        return list;
      }
      if (Character.isDigit(token.charAt(0)) || token.equals("-")) {
        position++;
        try {
          return Long.parseLong(token.equals("-") ? "-" + next() : token);
        } catch (NumberFormatException e) {
          throw error("'" + token + "' is not a supported number");
        }
      }
      if (token.equals("nil")) {
        position++;
        return null;
      }
      if (token.equals("true") || token.equals("false")) {
        position++;
        return Boolean.valueOf(token);
      }
      return path();
    }

    Path path() {
      List<String> parts = new ArrayList<>();
      parts.add(identifier());
      if (peekIs("(")) {
        throw error("converter '" + parts.get(0) + "' is not supported as an argument");
      }
      while (accept(".")) {
        parts.add(identifier());
      }
      String key = null;
      if (accept("[")) {
        String token = next();
        if (!token.startsWith("\"")) {
          throw error("expected a string key in [...], found " + token);
        }
        key = token.substring(1);
        expect("]");
        if (peekIs("[")) {
          throw error("nested keys are not supported");
        }
      }
      // A context prefix (span.attributes, spanevent.name) names the statement's own context.
      if (parts.size() > 1 && CONTEXTS.contains(parts.get(0)) && parts.get(0).equals(context)) {
        parts.remove(0);
      }
      String joined = String.join(".", parts);
      if (joined.equals("attributes") || joined.equals("name") || joined.equals("resource.attributes")) {
        if (joined.equals("name") && key != null) {
          throw error("name has no keys");
        }
        return new Path(joined, key);
      }
      throw error("path '" + joined + "' is not supported; use attributes, attributes[\"key\"], name or resource.attributes");
    }

    Condition condition() {
      Condition left = conjunction();
      while (acceptWord("or")) {
        Condition first = left;
        Condition second = conjunction();
        left = (t, s) -> first.test(t, s) || second.test(t, s);
      }
      return left;
    }

    private Condition conjunction() {
      Condition left = term();
      while (acceptWord("and")) {
        Condition first = left;
        Condition second = term();
        left = (t, s) -> first.test(t, s) && second.test(t, s);
      }
      return left;
    }

    private Condition term() {
      if (acceptWord("not")) {
        Condition negated = term();
        return (t, s) -> !negated.test(t, s);
      }
      if (accept("(")) {
        Condition inner = condition();
        expect(")");
        return inner;
      }
      if (peek().equals("IsMatch")) {
        position++;
        expect("(");
        Object target = value();
        expect(",");
        Object regex = value();
        expect(")");
        if (!(target instanceof Path) || !(regex instanceof String)) {
          throw error("IsMatch takes a path and a string");
        }
        Pattern pattern = Re2Regex.compile((String) regex, where);
        return (t, s) -> {
          Object value = read((Path) target, t, s);
          return value != null && pattern.matcher(String.valueOf(value)).find();
        };
      }
      Object left = value();
      String operator = next();
      if (!operator.equals("==") && !operator.equals("!=")) {
        throw error("comparison '" + operator + "' is not supported; use ==, != or IsMatch");
      }
      Object right = value();
      boolean equal = operator.equals("==");
      return (t, s) -> {
        Object a = left instanceof Path ? read((Path) left, t, s) : left;
        Object b = right instanceof Path ? read((Path) right, t, s) : right;
        boolean same = a == null ? b == null : b != null && String.valueOf(a).equals(String.valueOf(b));
        return same == equal;
      };
    }

    boolean acceptWord(String word) {
      if (position < tokens.size() && tokens.get(position).equals(word)) {
        position++;
        return true;
      }
      return false;
    }

    boolean accept(String token) {
      return acceptWord(token);
    }

    boolean peekIs(String token) {
      return position < tokens.size() && tokens.get(position).equals(token);
    }

    void expect(String token) {
      if (!accept(token)) {
        throw error("expected '" + token + "'" + (position < tokens.size() ? ", found " + tokens.get(position) : " at the end"));
      }
    }

    void end() {
      if (position < tokens.size()) {
        throw error("unexpected '" + tokens.get(position) + "'");
      }
    }

    private String peek() {
      if (position >= tokens.size()) {
        throw error("unexpected end of statement");
      }
      return tokens.get(position);
    }

    private String next() {
      String token = peek();
      position++;
      return token;
    }

    private CollectorConfigException error(String problem) {
      return new CollectorConfigException(where + ": cannot parse OTTL statement (" + problem + "): " + text);
    }
  }

  /** Applies statements in order. */
  static void applyAll(List<OttlStatement> statements, SpanRecord span) {
    for (Iterator<OttlStatement> it = statements.iterator(); it.hasNext(); ) {
      it.next().apply(span);
    }
  }
}
