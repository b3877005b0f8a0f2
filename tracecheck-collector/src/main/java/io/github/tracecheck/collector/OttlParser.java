package io.github.tracecheck.collector;

import io.github.tracecheck.collector.OttlLexer.Kind;
import io.github.tracecheck.collector.OttlLexer.Token;
import io.github.tracecheck.collector.OttlSyntax.And;
import io.github.tracecheck.collector.OttlSyntax.Comparison;
import io.github.tracecheck.collector.OttlSyntax.Condition;
import io.github.tracecheck.collector.OttlSyntax.Context;
import io.github.tracecheck.collector.OttlSyntax.DeleteKey;
import io.github.tracecheck.collector.OttlSyntax.DeleteMatchingKeys;
import io.github.tracecheck.collector.OttlSyntax.Editor;
import io.github.tracecheck.collector.OttlSyntax.IsMatch;
import io.github.tracecheck.collector.OttlSyntax.KeepKeys;
import io.github.tracecheck.collector.OttlSyntax.Literal;
import io.github.tracecheck.collector.OttlSyntax.Not;
import io.github.tracecheck.collector.OttlSyntax.Or;
import io.github.tracecheck.collector.OttlSyntax.Path;
import io.github.tracecheck.collector.OttlSyntax.ReplaceAllMatches;
import io.github.tracecheck.collector.OttlSyntax.ReplaceAllPatterns;
import io.github.tracecheck.collector.OttlSyntax.ReplaceMatch;
import io.github.tracecheck.collector.OttlSyntax.ReplacePattern;
import io.github.tracecheck.collector.OttlSyntax.Scope;
import io.github.tracecheck.collector.OttlSyntax.SetValue;
import io.github.tracecheck.collector.OttlSyntax.Statement;
import io.github.tracecheck.collector.OttlSyntax.TruncateAll;
import io.github.tracecheck.collector.OttlSyntax.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the syntax tree of one OTTL statement from its tokens, and checks it against the
 * supported subset on the way: paths, the arguments of each editor, and every regular expression,
 * which is compiled here, once. It exists so that everything that can be wrong with a statement is
 * found when the configuration is loaded, with the column where the statement goes wrong.
 */
final class OttlParser {

  private static final Set<String> FUNCTIONS =
      Set.of("replace_pattern", "replace_all_patterns", "replace_match", "replace_all_matches", "delete_key",
          "delete_matching_keys", "keep_keys", "set", "truncate_all");

  private final String text;
  private final Context context;
  private final String where;
  private final List<Token> tokens;
  private int position;

  private OttlParser(String text, Context context, String where) {
    this.text = text;
    this.context = context;
    this.where = where;
    this.tokens = OttlLexer.tokens(text, this::error);
  }

  /**
   * Parses a statement of the context named {@code span}, {@code spanevent} or {@code resource}.
   *
   * @param where the place of the statement in the configuration, for messages
   * @throws CollectorConfigException naming what is not supported, or where the statement is wrong
   */
  static Statement parse(String text, String contextName, String where) {
    return new OttlParser(text, context(contextName, where), where).statement();
  }

  /**
   * Parses a condition alone (a boolean expression, as the {@code tail_sampling} processor's {@code
   * ottl_condition} policy holds them) in the context named {@code span} or {@code spanevent}.
   */
  static Condition parseCondition(String text, String contextName, String where) {
    OttlParser parser = new OttlParser(text, context(contextName, where), where);
    Condition condition = parser.condition();
    parser.end();
    return condition;
  }

  private static Context context(String contextName, String where) {
    for (Context candidate : Context.values()) {
      if (candidate.ottlName.equals(contextName)) {
        return candidate;
      }
    }
    throw new CollectorConfigException(
        where + ": context '" + contextName + "' is not supported; use span, spanevent or resource");
  }

  private Statement statement() {
    Token name = peek();
    String function = identifier();
    if (!FUNCTIONS.contains(function)) {
      throw new CollectorConfigException(
          where + ": OTTL function '" + function + "' is not supported by tracecheck (statement: " + text + ")");
    }
    expect("(");
    List<Value> args = new ArrayList<>();
    List<Token> argTokens = new ArrayList<>();
    if (!peekIs(")")) {
      do {
        argTokens.add(peek());
        args.add(value());
      } while (accept(","));
    }
    expect(")");
    Condition condition = accept("where") ? condition() : null;
    end();
    Editor editor = new Arguments(function, name, args, argTokens).editor();
    return new Statement(text, context, function, editor, condition);
  }

  // --- editors -------------------------------------------------------------------------------

  /** The arguments of an editor call, checked against its signature and turned into the editor. */
  private final class Arguments {
    private final String function;
    private final Token name;
    private final List<Value> values;
    private final List<Token> starts; // the first token of each argument, for messages

    Arguments(String function, Token name, List<Value> values, List<Token> starts) {
      this.function = function;
      this.name = name;
      this.values = values;
      this.starts = starts;
    }

    Editor editor() {
      switch (function) {
        case "replace_pattern":
          signature(Path.class, String.class, String.class);
          return new ReplacePattern(path(), regex(1), string(2));
        case "replace_all_patterns": {
          signature(Path.class, String.class, String.class, String.class);
          String mode = string(1);
          if (!mode.equals("key") && !mode.equals("value")) {
            throw error(starts.get(1), "replace_all_patterns mode must be \"key\" or \"value\", was " + mode);
          }
          return new ReplaceAllPatterns(path(), mode.equals("key"), regex(2), string(3));
        }
        case "replace_match":
          signature(Path.class, String.class, String.class);
          return new ReplaceMatch(path(), glob(string(1)), string(2));
        case "replace_all_matches":
          signature(Path.class, String.class, String.class);
          return new ReplaceAllMatches(path(), glob(string(1)), string(2));
        case "delete_key":
          signature(Path.class, String.class);
          return new DeleteKey(path(), string(1));
        case "delete_matching_keys":
          signature(Path.class, String.class);
          return new DeleteMatchingKeys(path(), regex(1));
        case "keep_keys":
          signature(Path.class, List.class);
          return new KeepKeys(path(), (List<?>) literal(1));
        case "set":
          if (values.size() != 2 || !(values.get(0) instanceof Path)) {
            throw error(name, "set takes a path and a value");
          }
          return new SetValue(path(), values.get(1));
        case "truncate_all":
          signature(Path.class, Long.class);
          return new TruncateAll(path(), ((Long) literal(1)).intValue());
        default:
          throw new IllegalStateException(function);
      }
    }

    private void signature(Class<?>... types) {
      if (values.size() != types.length) {
        throw error(name, function + " takes " + types.length + " arguments, not " + values.size());
      }
      for (int i = 0; i < types.length; i++) {
        Value value = values.get(i);
        if (!types[i].isInstance(value instanceof Path ? value : ((Literal) value).value())) {
          throw error(starts.get(i), function + " has an argument this subset does not support");
        }
      }
    }

    private Path path() {
      return (Path) values.get(0);
    }

    private Object literal(int index) {
      return ((Literal) values.get(index)).value();
    }

    private String string(int index) {
      return (String) literal(index);
    }

    private Pattern regex(int index) {
      return OttlParser.this.regex(string(index), starts.get(index));
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

  private Pattern regex(String regex, Token token) {
    return Re2Regex.compile(regex, (problem, cause) -> error(token.column(), problem, cause));
  }

  // --- values --------------------------------------------------------------------------------

  private String identifier() {
    Token token = next();
    if (token.kind() != Kind.WORD || !Character.isLetter(token.text().charAt(0))) {
      throw error(token, "expected a function name, found " + token.shown());
    }
    return token.text();
  }

  private Value value() {
    Token token = peek();
    if (token.kind() == Kind.STRING) {
      position++;
      return new Literal(token.text());
    }
    if (token.is("[")) {
      position++;
      List<Object> list = new ArrayList<>();
      if (!accept("]")) {
        do {
          Token element = peek();
          Value value = value();
          if (!(value instanceof Literal)) {
            throw error(element, "a list may hold strings, numbers, booleans and nil, not paths");
          }
          list.add(((Literal) value).value());
        } while (accept(","));
        expect("]");
      }
      return new Literal(Collections.unmodifiableList(list));
    }
    if (token.is("-") || (token.kind() == Kind.WORD && Character.isDigit(token.text().charAt(0)))) {
      position++;
      try {
        String digits = token.is("-") ? "-" + wordOrNothing(next()) : token.text();
        return new Literal(Long.parseLong(digits));
      } catch (NumberFormatException e) {
        throw error(token, "'" + token.text() + "' is not a supported number");
      }
    }
    if (token.is("nil")) {
      position++;
      return new Literal(null);
    }
    if (token.is("true") || token.is("false")) {
      position++;
      return new Literal(Boolean.valueOf(token.text()));
    }
    return path();
  }

  /** The digits after a minus sign; anything but a word makes the number invalid. */
  private static String wordOrNothing(Token token) {
    return token.kind() == Kind.WORD ? token.text() : "";
  }

  private Path path() {
    Token first = peek();
    List<String> parts = new ArrayList<>();
    parts.add(identifier());
    if (peekIs("(")) {
      throw error(first, "converter '" + parts.get(0) + "' is not supported as an argument");
    }
    while (accept(".")) {
      parts.add(identifier());
    }
    String key = null;
    if (accept("[")) {
      Token token = next();
      if (token.kind() != Kind.STRING) {
        throw error(token, "expected a string key in [...], found " + token.shown());
      }
      key = token.text();
      expect("]");
      if (peekIs("[")) {
        throw error(peek(), "nested keys are not supported");
      }
    }
    // A context prefix (span.attributes, spanevent.name) names the statement's own context.
    if (parts.size() > 1 && parts.get(0).equals(context.ottlName)) {
      parts.remove(0);
    }
    String joined = String.join(".", parts);
    switch (joined) {
      case "attributes":
        return new Path(Scope.ATTRIBUTES, key);
      case "resource.attributes":
        return new Path(Scope.RESOURCE_ATTRIBUTES, key);
      case "name":
        if (key != null) {
          throw error(first, "name has no keys");
        }
        return new Path(Scope.NAME, null);
      default:
        throw error(first,
            "path '" + joined + "' is not supported; use attributes, attributes[\"key\"], name or resource.attributes");
    }
  }

  // --- conditions ----------------------------------------------------------------------------

  private Condition condition() {
    Condition left = conjunction();
    while (accept("or")) {
      left = new Or(left, conjunction());
    }
    return left;
  }

  private Condition conjunction() {
    Condition left = term();
    while (accept("and")) {
      left = new And(left, term());
    }
    return left;
  }

  private Condition term() {
    if (accept("not")) {
      return new Not(term());
    }
    if (accept("(")) {
      Condition inner = condition();
      expect(")");
      return inner;
    }
    if (peekIs("IsMatch")) {
      Token isMatch = next();
      expect("(");
      Value target = value();
      expect(",");
      Token regexToken = peek();
      Value regex = value();
      expect(")");
      if (!(target instanceof Path) || !(regex instanceof Literal && ((Literal) regex).value() instanceof String)) {
        throw error(isMatch, "IsMatch takes a path and a string");
      }
      return new IsMatch((Path) target, regex((String) ((Literal) regex).value(), regexToken));
    }
    Value left = value();
    Token operator = next();
    if (!operator.is("==") && !operator.is("!=")) {
      throw error(operator, "comparison '" + operator.shown() + "' is not supported; use ==, != or IsMatch");
    }
    return new Comparison(left, operator.is("=="), value());
  }

  // --- tokens --------------------------------------------------------------------------------

  private boolean accept(String wordOrSymbol) {
    if (tokens.get(position).is(wordOrSymbol)) {
      position++;
      return true;
    }
    return false;
  }

  private boolean peekIs(String wordOrSymbol) {
    return tokens.get(position).is(wordOrSymbol);
  }

  private void expect(String symbol) {
    Token token = tokens.get(position);
    if (!accept(symbol)) {
      throw error(token, "expected '" + symbol + "'" + (token.kind() == Kind.END ? " at the end" : ", found " + token.shown()));
    }
  }

  private void end() {
    Token token = tokens.get(position);
    if (token.kind() != Kind.END) {
      throw error(token, "unexpected '" + token.shown() + "'");
    }
  }

  /** The next token, which must not be the end. */
  private Token peek() {
    Token token = tokens.get(position);
    if (token.kind() == Kind.END) {
      throw error(token, "unexpected end of statement");
    }
    return token;
  }

  private Token next() {
    Token token = peek();
    position++;
    return token;
  }

  // --- errors --------------------------------------------------------------------------------

  private CollectorConfigException error(Token token, String problem) {
    return error(token.column(), problem, null);
  }

  private CollectorConfigException error(int column, String problem) {
    return error(column, problem, null);
  }

  private CollectorConfigException error(int column, String problem, Throwable cause) {
    return new CollectorConfigException(
        where + ": cannot parse OTTL statement at column " + column + " (" + problem + "): " + text, cause);
  }
}
