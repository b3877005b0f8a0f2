package io.github.tracecheck.otlp;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One object for each attribute key, resource and instrumentation scope that a stream repeats, so
 * that the spans a checker holds share them instead of each holding copies (a file repeats the
 * same few for millions of spans); likewise for short texts such as names, values and ids, in a
 * table of recent ones. Each table stops taking new entries once it holds {@value
 * #MAX_ENTRIES}, so input of ever-new keys costs no more memory than without it.
 */
final class SharedValues {

  static final int MAX_ENTRIES = 4096;

  private final Map<String, AttributeKey<String>> stringKeys = new HashMap<>();
  private final Map<String, AttributeKey<Boolean>> booleanKeys = new HashMap<>();
  private final Map<String, AttributeKey<Long>> longKeys = new HashMap<>();
  private final Map<String, AttributeKey<Double>> doubleKeys = new HashMap<>();
  private final Map<Attributes, Resource> resources = new HashMap<>();
  private final Map<InstrumentationScopeInfo, InstrumentationScopeInfo> scopes = new HashMap<>();
  private final RecentStrings texts = new RecentStrings();

  /** The text of these characters, as the string made for it before when it is still known ({@link RecentStrings}). */
  String text(char[] chars, int offset, int length) {
    return texts.of(chars, offset, length);
  }

  AttributeKey<String> stringKey(String key) {
    return shared(stringKeys, key, AttributeKey::stringKey);
  }

  AttributeKey<Boolean> booleanKey(String key) {
    return shared(booleanKeys, key, AttributeKey::booleanKey);
  }

  AttributeKey<Long> longKey(String key) {
    return shared(longKeys, key, AttributeKey::longKey);
  }

  AttributeKey<Double> doubleKey(String key) {
    return shared(doubleKeys, key, AttributeKey::doubleKey);
  }

  /**
   * The resource of these attributes made first: a stream repeats its few resources for every
   * batch of spans, and looking one up by its attributes spares making it again.
   */
  Resource resource(Attributes attributes) {
    return shared(resources, attributes, Resource::create);
  }

  /** The scope equal to {@code scope} seen first. */
  InstrumentationScopeInfo scope(InstrumentationScopeInfo scope) {
    return shared(scopes, scope, Function.identity());
  }

  private static <K, V> V shared(Map<K, V> table, K key, Function<K, V> make) {
    V known = table.get(key);
    if (known != null) {
      return known;
    }
    V made = make.apply(key);
    if (table.size() < MAX_ENTRIES) {
      table.put(key, made);
    }
    return made;
  }
}
