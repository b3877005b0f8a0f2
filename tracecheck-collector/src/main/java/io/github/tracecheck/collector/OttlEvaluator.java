package io.github.tracecheck.collector;

import io.github.tracecheck.collector.OttlSyntax.And;
import io.github.tracecheck.collector.OttlSyntax.Comparison;
import io.github.tracecheck.collector.OttlSyntax.Condition;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies a parsed OTTL statement to a span: on every target of the statement's context, the
 * {@code where} clause, then the editor. It exists apart from the parser so that applying a
 * statement, once per span, only walks the tree: nothing is parsed or compiled here.
 */
final class OttlEvaluator {

  private final Statement statement;

  OttlEvaluator(Statement statement) {
    this.statement = statement;
  }

  /** Applies the statement to every target of its context in the span. */
  void apply(SpanRecord span) {
    switch (statement.context()) {
      case SPANEVENT:
        for (SpanRecord.Target event : span.events) {
          applyTo(event, span);
        }
        break;
      case RESOURCE:
        applyTo(new SpanRecord.Target(null, span.resourceAttributes), span);
        break;
      default:
        applyTo(span.span, span);
    }
  }

  private void applyTo(SpanRecord.Target target, SpanRecord span) {
    if (statement.condition() == null || test(statement.condition(), target, span)) {
      edit(statement.editor(), target, span);
    }
  }

  // --- conditions ----------------------------------------------------------------------------

  /** Whether the condition holds for the target (the span itself, or one of its events). */
  static boolean test(Condition condition, SpanRecord.Target target, SpanRecord span) {
    if (condition instanceof Or or) {
      return test(or.left(), target, span) || test(or.right(), target, span);
    }
    if (condition instanceof And and) {
      return test(and.left(), target, span) && test(and.right(), target, span);
    }
    if (condition instanceof Not not) {
      return !test(not.negated(), target, span);
    }
    if (condition instanceof IsMatch isMatch) {
      Object value = read(isMatch.path(), target, span);
      return value != null && isMatch.regex().matcher(String.valueOf(value)).find();
    }
    Comparison comparison = (Comparison) condition;
    Object a = value(comparison.left(), target, span);
    Object b = value(comparison.right(), target, span);
    boolean same = a == null ? b == null : b != null && String.valueOf(a).equals(String.valueOf(b));
    return same == comparison.equal();
  }

  private static Object value(Value value, SpanRecord.Target target, SpanRecord span) {
    return value instanceof Path path ? read(path, target, span) : ((Literal) value).value();
  }

  // --- editors -------------------------------------------------------------------------------

  private void edit(Editor editor, SpanRecord.Target target, SpanRecord span) {
    Path path = editor.path();
    if (editor instanceof ReplacePattern replace) {
      Object value = read(path, target, span);
      if (value instanceof String) {
        write(path, target, span, Re2Regex.replaceAll(replace.regex(), (String) value, replace.replacement()));
      }
    } else if (editor instanceof ReplaceAllPatterns replace) {
      Map<String, Object> map = map(path, target, span);
      if (!replace.keys()) {
        map.replaceAll((k, v) -> v instanceof String ? Re2Regex.replaceAll(replace.regex(), (String) v, replace.replacement()) : v);
      } else {
        Map<String, Object> renamed = new LinkedHashMap<>();
        map.forEach((k, v) -> renamed.put(Re2Regex.replaceAll(replace.regex(), k, replace.replacement()), v));
        map.clear();
        map.putAll(renamed);
      }
    } else if (editor instanceof ReplaceMatch replace) {
      Object value = read(path, target, span);
      if (value instanceof String && replace.glob().matcher((String) value).matches()) {
        write(path, target, span, replace.replacement());
      }
    } else if (editor instanceof ReplaceAllMatches replace) {
      map(path, target, span).replaceAll(
          (k, v) -> v instanceof String && replace.glob().matcher((String) v).matches() ? replace.replacement() : v);
    } else if (editor instanceof DeleteKey delete) {
      map(path, target, span).remove(delete.key());
    } else if (editor instanceof DeleteMatchingKeys delete) {
      map(path, target, span).keySet().removeIf(k -> delete.regex().matcher(k).find());
    } else if (editor instanceof KeepKeys keep) {
      map(path, target, span).keySet().removeIf(k -> !keep.keys().contains(k));
    } else if (editor instanceof SetValue set) {
      write(path, target, span, value(set.value(), target, span));
    } else {
      int limit = ((TruncateAll) editor).limit();
      map(path, target, span).replaceAll(
          (k, v) -> v instanceof String && ((String) v).length() > limit ? ((String) v).substring(0, limit) : v);
    }
  }

  // --- paths ---------------------------------------------------------------------------------

  private static Map<String, Object> attributes(Path path, SpanRecord.Target target, SpanRecord span) {
    return path.scope() == Scope.RESOURCE_ATTRIBUTES ? span.resourceAttributes : target.attributes;
  }

  private static Object read(Path path, SpanRecord.Target target, SpanRecord span) {
    if (path.scope() == Scope.NAME) {
      return target.name;
    }
    Map<String, Object> map = attributes(path, target, span);
    return path.key() == null ? map : map.get(path.key());
  }

  private Map<String, Object> map(Path path, SpanRecord.Target target, SpanRecord span) {
    if (path.key() != null || path.scope() == Scope.NAME) {
      throw new CollectorConfigException(
          statement.function() + " needs a map of attributes, not a single value: " + statement.text());
    }
    return attributes(path, target, span);
  }

  private void write(Path path, SpanRecord.Target target, SpanRecord span, Object value) {
    if (path.scope() == Scope.NAME) {
      target.name = String.valueOf(value);
      return;
    }
    if (path.key() == null) {
      throw new CollectorConfigException(
          statement.function() + " cannot replace a whole attribute map: " + statement.text());
    }
    Map<String, Object> map = attributes(path, target, span);
    if (value == null) {
      map.remove(path.key());
    } else {
      map.put(path.key(), value);
    }
  }
}
